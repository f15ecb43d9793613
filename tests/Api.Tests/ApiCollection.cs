namespace CommunityOfPractice.Api.Tests;

/// <summary>One Api and one database for all tests of this project; every test makes its own people.</summary>
[CollectionDefinition(Name)]
public sealed class ApiCollection : ICollectionFixture<ApiFactory>
{
    public const string Name = "Api";
}
