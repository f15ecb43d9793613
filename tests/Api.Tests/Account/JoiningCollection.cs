namespace CommunityOfPractice.Api.Tests.Account;

/// <summary>
/// The Api with joining by approval (the product's default; the shared test Api is open so that
/// other tests make members by registering). Every test makes its own people.
/// </summary>
public sealed class ApprovalJoiningFactory : ApiFactory
{
    public ApprovalJoiningFactory() => WithSetting("Community:Joining", "Approval");
}

[CollectionDefinition(Name)]
public sealed class JoiningCollection : ICollectionFixture<ApprovalJoiningFactory>
{
    public const string Name = "Joining";
}
