extern alias web;

using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.AspNetCore.Mvc.Testing;

namespace CommunityOfPractice.Browser.Tests;

/// <summary>
/// The whole site for real: Api and Web on Kestrel on free ports, talking over HTTP, a fresh
/// database, and Debian's chromium driven by Playwright. Joining is open here (people made
/// through the Api are members at once); <see cref="ApprovalSiteFixture"/> is the site by approval.
/// </summary>
public class SiteFixture : IAsyncLifetime
{
    private IPlaywright? _playwright;

    public ApiFactory Api { get; private set; } = null!;
    public WebFactory Web { get; private set; } = null!;
    public IBrowser Browser { get; private set; } = null!;
    public string ApiUrl { get; private set; } = string.Empty;
    public string WebUrl { get; private set; } = string.Empty;

    /// <summary>The real SMTP server the Api's outbox delivers to: what people would find in their inbox.</summary>
    public TestSmtp Smtp { get; } = new();

    /// <summary>The Api's Community:Joining.</summary>
    protected virtual string Joining => "Open";

    public async Task InitializeAsync()
    {
        var apiPort = FreePort();
        var webPort = FreePort();
        ApiUrl = $"http://localhost:{apiPort}";
        WebUrl = $"http://localhost:{webPort}";

        Api = new ApiFactory().WithSetting("Web:BaseUrl", WebUrl).WithSetting("Api:PublicUrl", ApiUrl).WithSetting("Community:Joining", Joining);
        Smtp.Start();
        foreach (var (key, value) in Smtp.Settings)
        {
            Api.WithSetting(key, value);
        }

        Api.UseKestrel(apiPort);
        await Api.InitializeAsync();

        Web = new WebFactory(ApiUrl);
        Web.UseKestrel(webPort);
        Web.StartServer();

        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Environment.GetEnvironmentVariable("COP_CHROMIUM") ?? "/usr/bin/chromium",
            Headless = true,
            // The machines have no internet: keep chromium from calling home at start.
            Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync"],
        });
    }

    public async Task<IPage> NewPageAsync(bool javaScript = true)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = WebUrl, JavaScriptEnabled = javaScript });
        context.SetDefaultTimeout(15_000);
        return await context.NewPageAsync();
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.DisposeAsync();
        }

        _playwright?.Dispose();
        if (Web is not null)
        {
            await Web.DisposeAsync();
        }

        await Smtp.DisposeAsync();
        if (Api is not null)
        {
            await Api.DisposeAsync();
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}

public sealed class WebFactory(string apiUrl) : WebApplicationFactory<web::Program>
{
    /// <summary>A session's absolute lifetime here, shorter than its idle timeout so that a test can tell them apart.</summary>
    public static readonly TimeSpan AbsoluteLifetime = TimeSpan.FromHours(1);

    /// <summary>The Web's clock: a test moves it on to see what time does to a session.</summary>
    public ShiftableClock Clock { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        builder.UseSetting("Api:BaseUrl", apiUrl);
        builder.UseSetting("Oidc:ClientSecret", "cop-web-test-secret");
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
        builder.UseSetting("Session:AbsoluteLifetime", AbsoluteLifetime.ToString());
        builder.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(Clock));
    }
}

[CollectionDefinition(Name)]
public sealed class SiteCollection : ICollectionFixture<SiteFixture>
{
    public const string Name = "Site";
}

/// <summary>The site with joining by approval, as the product ships: newcomers wait for a moderator.</summary>
public sealed class ApprovalSiteFixture : SiteFixture
{
    protected override string Joining => "Approval";
}

[CollectionDefinition(Name)]
public sealed class ApprovalSiteCollection : ICollectionFixture<ApprovalSiteFixture>
{
    public const string Name = "ApprovalSite";
}
