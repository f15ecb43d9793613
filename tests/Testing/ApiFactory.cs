using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Xunit;

namespace CommunityOfPractice.Testing;

/// <summary>
/// The real Api (real pipeline, real PostgreSQL, its own database migrated at start-up). Test
/// servers in memory by default; <see cref="UseKestrel"/> puts it on a real port for browsers.
/// </summary>
public class ApiFactory : WebApplicationFactory<Program>, IAsyncLifetime
{
    public const string AdminEmail = "admin@tests.communityofpractice.org.uk";
    public const string AdminPassword = "Admin-pass-2026!";

    private readonly Dictionary<string, string?> _settings = new()
    {
        ["Admin:Email"] = AdminEmail,
        ["Admin:Password"] = AdminPassword,
        ["Admin:DisplayName"] = "Test Admin",
        ["Oidc:WebClientSecret"] = "cop-web-test-secret",
        ["Seed:Demo"] = "false",
    };

    public string ConnectionString { get; private set; } = string.Empty;

    public ApiFactory WithSetting(string key, string? value)
    {
        _settings[key] = value;
        return this;
    }

    public virtual async Task InitializeAsync()
    {
        ConnectionString = await TestPostgres.CreateDatabaseAsync("api");
        _settings["ConnectionStrings:Postgres"] = ConnectionString;
        StartServer();
    }

    async Task IAsyncLifetime.DisposeAsync() => await DisposeAsync();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }
    }
}
