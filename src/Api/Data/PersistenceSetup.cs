namespace CommunityOfPractice.Api.Data;

public static class PersistenceSetup
{
    public static void AddPersistence(this WebApplicationBuilder builder)
    {
        var connectionString = builder.Configuration.GetConnectionString("Postgres")
            ?? throw new InvalidOperationException(
                "ConnectionStrings:Postgres is not set. `./cop run` sets it for a local server; see README.md.");

        // A blip (a failover, a restart) is retried; an outage past the retries answers 503 with
        // Retry-After (ProblemDetailsExceptionHandler). Four tries spaced up to 5 s cover a fast
        // restart in about 12 s; EF's default of six up to 30 s kept a request waiting a minute,
        // longer than clients wait, so they saw time-outs instead of the 503 (bench/faults/pg-restart.sh).
        var maxRetries = builder.Configuration.GetValue("Database:MaxRetryCount", 4);
        var maxRetryDelay = builder.Configuration.GetValue("Database:MaxRetryDelay", TimeSpan.FromSeconds(5));
        builder.Services.AddDbContext<AppDbContext>(options => options
            // Single queries on purpose: the collections projected together are a member's few
            // places and roles, or a thread's places, never large enough for a split to pay.
            .UseNpgsql(connectionString, npgsql => npgsql.EnableRetryOnFailure(maxRetries, maxRetryDelay, errorCodesToAdd: null)
                .UseQuerySplittingBehavior(QuerySplittingBehavior.SingleQuery))
            .UseSnakeCaseNamingConvention()
            .UseOpenIddict<Guid>());

        builder.Services.AddHostedService<DatabaseInitializer>();
        builder.Services.AddSingleton<Infrastructure.Persistence.ExpiredRecordsPruner>();
        builder.Services.AddHostedService(provider => provider.GetRequiredService<Infrastructure.Persistence.ExpiredRecordsPruner>());
        builder.Services.AddHealthChecks().AddDbContextCheck<AppDbContext>("postgres", tags: ["ready"]);
    }
}
