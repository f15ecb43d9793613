namespace CommunityOfPractice.Api.Data;

public static class PersistenceSetup
{
    public static void AddPersistence(this WebApplicationBuilder builder)
    {
        var connectionString = builder.Configuration.GetConnectionString("Postgres")
            ?? throw new InvalidOperationException(
                "ConnectionStrings:Postgres is not set. `./cop run` sets it for a local server; see README.md.");

        builder.Services.AddDbContext<AppDbContext>(options => options
            // Single queries on purpose: the collections projected together are a member's few
            // places and roles, or a thread's places, never large enough for a split to pay.
            .UseNpgsql(connectionString, npgsql => npgsql.EnableRetryOnFailure().UseQuerySplittingBehavior(QuerySplittingBehavior.SingleQuery))
            .UseSnakeCaseNamingConvention()
            .UseOpenIddict<Guid>());

        builder.Services.AddHostedService<DatabaseInitializer>();
        builder.Services.AddSingleton<Infrastructure.Persistence.ExpiredRecordsPruner>();
        builder.Services.AddHostedService(provider => provider.GetRequiredService<Infrastructure.Persistence.ExpiredRecordsPruner>());
        builder.Services.AddHealthChecks().AddDbContextCheck<AppDbContext>("postgres", tags: ["ready"]);
    }
}
