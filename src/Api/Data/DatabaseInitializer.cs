using CommunityOfPractice.Api.Data.Seeding;

namespace CommunityOfPractice.Api.Data;

/// <summary>
/// Brings the database up to date before the Api takes traffic: migrations, then reference data
/// (roles, places, OIDC clients, the first admin), then demo content when asked for. Every step
/// is idempotent, so a second start adds nothing twice.
/// </summary>
internal sealed class DatabaseInitializer(IServiceProvider services, ILogger<DatabaseInitializer> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();

        await db.Database.MigrateAsync(cancellationToken);
        logger.LogInformation("Database schema is up to date");

        foreach (var seeder in scope.ServiceProvider.GetServices<ISeeder>())
        {
            await seeder.SeedAsync(cancellationToken);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
