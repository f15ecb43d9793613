using Npgsql;
using Testcontainers.PostgreSql;

namespace CommunityOfPractice.Testing;

/// <summary>
/// The PostgreSQL server tests run against: the one `./cop test` started (COP_TEST_POSTGRES), or
/// a Testcontainers server when a Docker engine answers. Each fixture gets its own database, so
/// test projects can run side by side on one server.
/// </summary>
public static class TestPostgres
{
    public const string ServerVariable = "COP_TEST_POSTGRES";

    private static readonly Lazy<Task<string>> _server = new(StartServerAsync);

    public static async Task<string> CreateDatabaseAsync(string purpose)
    {
        var server = await _server.Value;
        var name = $"cop_{purpose}_{Guid.NewGuid():N}".ToLowerInvariant();
        await using var connection = new NpgsqlConnection(server);
        await connection.OpenAsync();
        await using var create = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
        await create.ExecuteNonQueryAsync();
        return new NpgsqlConnectionStringBuilder(server) { Database = name, MaxPoolSize = 60 }.ConnectionString;
    }

    private static async Task<string> StartServerAsync()
    {
        var configured = Environment.GetEnvironmentVariable(ServerVariable);
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return configured;
        }

        try
        {
            var container = new PostgreSqlBuilder("postgres:15-alpine").Build();
            await container.StartAsync();
            AppDomain.CurrentDomain.ProcessExit += (_, _) => container.DisposeAsync().AsTask().GetAwaiter().GetResult();
            return container.GetConnectionString();
        }
        catch (Exception exception)
        {
            throw new InvalidOperationException(
                $"No PostgreSQL for the tests: {ServerVariable} is not set and no Docker engine answered. Run the tests with `./cop test`.",
                exception);
        }
    }
}
