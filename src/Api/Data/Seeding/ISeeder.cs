namespace CommunityOfPractice.Api.Data.Seeding;

/// <summary>One idempotent step of start-up seeding; run in registration order.</summary>
internal interface ISeeder
{
    Task SeedAsync(CancellationToken cancellationToken);
}
