using System.Net;
using System.Net.Sockets;
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

    private const string Lifted = "1000000";

    private readonly Dictionary<string, string?> _settings = new()
    {
        ["Admin:Email"] = AdminEmail,
        ["Admin:Password"] = AdminPassword,
        ["Admin:DisplayName"] = "Test Admin",
        ["Oidc:WebClientSecret"] = "cop-web-test-secret",
        ["Seed:Demo"] = "false",
        // The tests make full members by registering; joining tests ask for Approval themselves.
        ["Community:Joining"] = "Open",
        // Warnings and errors only: hundreds of tests each registering people would otherwise
        // bury a failure under confirmation links. EF's "the migrations table does not exist
        // yet" on a fresh database is expected, and is not an error worth printing.
        ["Logging:LogLevel:Default"] = "Warning",
        ["Logging:LogLevel:Microsoft.EntityFrameworkCore.Database.Command"] = "None",
        // Uploaded papers go to a folder of this test run, not into the source tree.
        // Replies to one thread gather a quarter of a second before they are fanned out, not two.
        ["Notifications:GatherFor"] = "00:00:00.250",
        // Live connections hear of a change of access within a fifth of a second, not two.
        ["Live:AccessRecheckInterval"] = "00:00:00.200",
        // No heads beat unless a test asks for one (StreamHeadsTests): the live tests count
        // subscribes and gaps exactly, and a beat landing between two events would add one.
        ["Live:HeadsInterval"] = "1.00:00:00",
        ["Library:StoragePath"] = Path.Combine(Path.GetTempPath(), $"cop-library-{Guid.NewGuid():N}"),
        // The suite makes hundreds of people from one loopback address against shared Apis, far
        // past what any one visitor does: the limits are lifted here (each account keeps its own
        // sign-in throttle), and the tests of the limits use an Api with small ones (FloodServer).
        ["RateLimits:Token:PermitLimit"] = Lifted,
        ["RateLimits:SignIn:PermitLimit"] = Lifted,
        ["RateLimits:Account:PermitLimit"] = Lifted,
        ["RateLimits:Posts:PermitLimit"] = Lifted,
        ["RateLimits:Questions:PermitLimit"] = Lifted,
        ["RateLimits:Votes:PermitLimit"] = Lifted,
        ["RateLimits:Uploads:PermitLimit"] = Lifted,
        ["RateLimits:Search:PermitLimit"] = Lifted,
        ["RateLimits:Subscribe:PermitLimit"] = Lifted,
        ["SignInThrottle:Address:FreeAttempts"] = Lifted,
    };

    private string? _database;

    public string ConnectionString { get; private set; } = string.Empty;

    /// <summary>The real server's address once <see cref="ListenOnFreePort"/> was called; null in memory.</summary>
    public Uri? Url { get; private set; }

    /// <summary>Real Kestrel on a free loopback port (real sockets, WebSockets); call before InitializeAsync.</summary>
    public ApiFactory ListenOnFreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        UseKestrel(port);
        // The address CreateClient uses too: tokens name it as their issuer.
        Url = new Uri($"http://127.0.0.1:{port}");
        return this;
    }

    /// <summary>Runs on an existing database instead of a fresh one: a second instance behind the same PostgreSQL.</summary>
    public ApiFactory UseDatabase(string connectionString)
    {
        _database = connectionString;
        return this;
    }

    public ApiFactory WithSetting(string key, string? value)
    {
        _settings[key] = value;
        return this;
    }

    public virtual async Task InitializeAsync()
    {
        ConnectionString = _database ?? await TestPostgres.CreateDatabaseAsync("api");
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
