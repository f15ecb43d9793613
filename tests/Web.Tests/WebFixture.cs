using System.Net.Sockets;
using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing;

namespace CommunityOfPractice.Web.Tests;

/// <summary>
/// The real Web (whole pipeline, in memory) with <c>Api:BaseUrl</c> pointing at a local port where
/// nothing listens: these tests cover what the Web does on its own, including how it copes when
/// the Api cannot be reached. Sign-in against the real Api is covered by the browser tests.
/// </summary>
public sealed class WebFixture : IDisposable
{
    private readonly WebApplicationFactory<Program> _root = new();

    public WebFixture()
    {
        ApiBaseUrl = $"http://127.0.0.1:{UnusedPort()}";
        Factory = _root.WithWebHostBuilder(builder => builder.UseSetting("Api:BaseUrl", ApiBaseUrl).UseSetting("Logging:LogLevel:Default", "Warning"));
    }

    public string ApiBaseUrl { get; }

    public WebApplicationFactory<Program> Factory { get; }

    /// <summary>A client that shows redirects instead of following them, and keeps cookies like a browser.</summary>
    public HttpClient CreateClient() => Factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

    public void Dispose() => _root.Dispose();

    private static int UnusedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}

[CollectionDefinition(Name)]
public sealed class WebCollection : ICollectionFixture<WebFixture>
{
    public const string Name = "Web";
}

public static partial class Html
{
    /// <summary>The anti-forgery token a page's form carries.</summary>
    public static string AntiforgeryToken(string html)
    {
        var match = TokenPattern().Match(html);
        Assert.True(match.Success, "The page has no anti-forgery token.");
        return WebUtility.HtmlDecode(match.Groups["token"].Value);
    }

    [GeneratedRegex(""""<input[^>]*name="__RequestVerificationToken"[^>]*value="(?<token>[^"]+)"""")]
    private static partial Regex TokenPattern();
}
