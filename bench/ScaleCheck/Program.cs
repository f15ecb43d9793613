// The done-when of `./cop run --instances 2` (issue 14): the demo is served through the
// balancer, and a reply posted in one browser reaches a browser connected to the other Api.
//
//   ScaleCheck <web-balancer-url> <api-balancer-url> <api-1-url> <api-2-url> [<api-i-url>...]
//
// Two "browsers" (cookie sessions at the Web, through nginx, signed in the way a browser is)
// open the live hub as the page scripts do (/hubs/live on the Web, WebSockets, no negotiation),
// beside one hub client pinned to each Api instance (its own port, a bearer token). Browser A
// posts a reply with the thread page's form; every one of them must hear it. Then a reply
// posted on the last Api must reach the client on the first. Prints one line per check and
// exits 1 on the first failure.
using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using CommunityOfPractice.Contracts;
using CommunityOfPractice.Contracts.Threads;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.Http.Connections.Client;
using Microsoft.AspNetCore.SignalR.Client;

if (args.Length < 4)
{
    Console.Error.WriteLine("usage: ScaleCheck <web-balancer-url> <api-balancer-url> <api-1-url> <api-2-url> [<api-i-url>...]");
    return 2;
}

var web = new Uri(args[0]);
var api = new Uri(args[1]);
var instances = args.Skip(2).Select(a => new Uri(a)).ToList();
var timeout = TimeSpan.FromSeconds(20);
const string password = "Demo-pass-2026!";
const string memberEmail = "member@demo.communityofpractice.org.uk";
const string hostEmail = "host@demo.communityofpractice.org.uk";

try
{
    // 1. The demo through the balancer: the home page, a few times (round robin over the Web instances).
    using (var anonymous = new HttpClient { BaseAddress = web, Timeout = timeout })
    {
        for (var i = 0; i < 2 * instances.Count; i++)
        {
            var html = await anonymous.GetStringAsync("/");
            Check(html.Contains("Community of Practice", StringComparison.Ordinal), "the home page through the balancer names the site");
        }
    }

    Pass($"demo served through the balancer at {web}");

    // 2. A thread to talk in, started through the Api's balancer.
    var member = await TokenAsync(api, memberEmail);
    var host = await TokenAsync(api, hostEmail);
    using var memberApi = Bearer(api, member);
    var thread = await StartThreadAsync(memberApi);
    var stream = $"thread:{thread.Id}";

    // 3. Two browsers signed in at the Web, and one client on each Api instance.
    var (browserA, cookiesA) = await SignInToWebAsync(web, memberEmail, $"/Threads/{thread.Id}");
    var (browserB, cookiesB) = await SignInToWebAsync(web, hostEmail, $"/Threads/{thread.Id}");
    var listeners = new List<Listener>
    {
        await Listener.OpenAsync("browser A (Web, through nginx)", new Uri(web, "/hubs/live"), o => o.Cookies = cookiesA, stream, thread.LastSeq),
        await Listener.OpenAsync("browser B (Web, through nginx)", new Uri(web, "/hubs/live"), o => o.Cookies = cookiesB, stream, thread.LastSeq),
    };
    for (var i = 0; i < instances.Count; i++)
    {
        var token = i % 2 == 0 ? host : member;
        listeners.Add(await Listener.OpenAsync($"client on Api {i + 1} ({instances[i].Authority})", new Uri(instances[i], "/hubs/live"),
            o => o.AccessTokenProvider = () => Task.FromResult<string?>(token), stream, thread.LastSeq));
    }

    // 4. Browser A replies with the thread page's form (as without scripts: a POST, then a redirect).
    var marker = $"scale-check {Guid.NewGuid():N}";
    var started = Stopwatch.GetTimestamp();
    await ReplyInBrowserAsync(browserA, thread.Id, $"Posted in browser A: {marker}");
    foreach (var listener in listeners)
    {
        Pass($"{listener.Name} heard browser A's reply", await listener.WaitForAsync(marker, started, timeout));
    }

    // 5. A reply on the last Api instance reaches the client on the first.
    var last = instances[^1];
    using var onLast = Bearer(last, member);
    var marker2 = $"scale-check {Guid.NewGuid():N}";
    started = Stopwatch.GetTimestamp();
    await ReplyAsync(onLast, thread.Id, $"Posted on Api {instances.Count}: {marker2}");
    var first = listeners.Single(l => l.Name.StartsWith("client on Api 1 ", StringComparison.Ordinal));
    Pass($"a reply posted on Api {instances.Count} reached the client on Api 1", await first.WaitForAsync(marker2, started, timeout));

    foreach (var listener in listeners)
    {
        await listener.DisposeAsync();
    }

    browserA.Dispose();
    browserB.Dispose();
    Console.WriteLine("scale-check: ok");
    return 0;
}
catch (Exception exception)
{
    Console.WriteLine($"scale-check: FAILED: {exception.Message}");
    return 1;
}

static void Check(bool condition, string what)
{
    if (!condition)
    {
        throw new InvalidOperationException(what);
    }
}

static void Pass(string what, double? seconds = null) =>
    Console.WriteLine(seconds is { } s ? $"scale-check: ok  {what} ({s:0.000} s after posting)" : $"scale-check: ok  {what}");

static HttpClient Bearer(Uri baseUrl, string token)
{
    var http = new HttpClient { BaseAddress = baseUrl, Timeout = TimeSpan.FromSeconds(30) };
    http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
    return http;
}

static async Task<string> TokenAsync(Uri api, string email)
{
    using var http = new HttpClient { BaseAddress = api, Timeout = TimeSpan.FromSeconds(30) };
    using var response = await http.PostAsync("/connect/token", new FormUrlEncodedContent(new Dictionary<string, string>
    {
        ["grant_type"] = "password",
        ["client_id"] = "cop-cli",
        ["username"] = email,
        ["password"] = password,
        ["scope"] = "openid profile email roles offline_access api",
    }));
    await EnsureAsync(response, $"the password grant for {email}");
    using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
    return body.RootElement.GetProperty("access_token").GetString()!;
}

static async Task<ThreadDetail> StartThreadAsync(HttpClient api)
{
    using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/threads")
    {
        Content = JsonContent.Create(new StartThreadRequest(
            "Scale check: two of everything #ScaleCheck",
            "Written by bench/scale-check.sh: a reply posted in one browser must reach readers on every Api instance.",
            null, null), options: ApiJson.Options),
    };
    request.Headers.Add(ApiHeaders.IdempotencyKey, Guid.NewGuid().ToString());
    using var response = await api.SendAsync(request);
    await EnsureAsync(response, "starting the thread");
    return (await response.Content.ReadFromJsonAsync<ThreadDetail>(ApiJson.Options))!;
}

static async Task ReplyAsync(HttpClient api, Guid threadId, string body)
{
    using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/threads/{threadId}/posts")
    {
        Content = JsonContent.Create(new ReplyRequest(body, null), options: ApiJson.Options),
    };
    request.Headers.Add(ApiHeaders.IdempotencyKey, Guid.NewGuid().ToString());
    using var response = await api.SendAsync(request);
    await EnsureAsync(response, "replying on the Api");
}

// The Web sends the browser to the Api's sign-in page (through the Api's balancer), the form
// goes back there, and the redirects run through the authorization endpoint to the Web's
// callback: every hop may land on another instance, as a browser's would.
static async Task<(HttpClient Http, CookieContainer Cookies)> SignInToWebAsync(Uri web, string email, string page)
{
    var cookies = new CookieContainer();
    var http = new HttpClient(new SocketsHttpHandler { CookieContainer = cookies, AllowAutoRedirect = true, MaxAutomaticRedirections = 10 })
    {
        BaseAddress = web,
        Timeout = TimeSpan.FromSeconds(60),
    };
    using var signIn = await http.GetAsync($"/Account/SignIn?ReturnUrl={Uri.EscapeDataString(page)}");
    var form = await signIn.Content.ReadAsStringAsync();
    var loginUrl = signIn.RequestMessage!.RequestUri!;
    Check(signIn.IsSuccessStatusCode && loginUrl.AbsolutePath.Equals("/account/login", StringComparison.OrdinalIgnoreCase),
        $"signing in at the Web reached the Api's sign-in page (got {(int)signIn.StatusCode} at {loginUrl})");
    using var signedIn = await http.PostAsync(loginUrl, new FormUrlEncodedContent(new Dictionary<string, string>
    {
        ["Input.Email"] = email,
        ["Input.Password"] = password,
        ["ReturnUrl"] = Hidden(form, "ReturnUrl"),
        ["__RequestVerificationToken"] = Hidden(form, "__RequestVerificationToken"),
    }));
    var landed = signedIn.RequestMessage!.RequestUri!;
    Check(signedIn.IsSuccessStatusCode && landed.AbsolutePath.Equals(page, StringComparison.OrdinalIgnoreCase),
        $"{email} signed in and landed on {page} (got {(int)signedIn.StatusCode} at {landed})");
    return (http, cookies);
}

static async Task ReplyInBrowserAsync(HttpClient browser, Guid threadId, string body)
{
    var page = await browser.GetStringAsync($"/Threads/{threadId}");
    var form = Regex.Match(page, "<form[^>]*id=\"reply-form\".*?</form>", RegexOptions.Singleline);
    Check(form.Success, "the thread page has a reply form");
    using var response = await browser.PostAsync($"/Threads/{threadId}?handler=Reply", new FormUrlEncodedContent(new Dictionary<string, string>
    {
        ["Reply.Body"] = body,
        ["Reply.IdempotencyKey"] = Hidden(form.Value, "Reply.IdempotencyKey"),
        ["__RequestVerificationToken"] = Hidden(form.Value, "__RequestVerificationToken"),
    }));
    await EnsureAsync(response, "replying with the thread page's form");
}

static string Hidden(string html, string name)
{
    var input = Regex.Match(html, $"<input[^>]*name=\"{Regex.Escape(name)}\"[^>]*>");
    var value = Regex.Match(input.Value, "value=\"([^\"]*)\"");
    return value.Success ? WebUtility.HtmlDecode(value.Groups[1].Value) : throw new InvalidOperationException($"no hidden field {name} on the page");
}

static async Task EnsureAsync(HttpResponseMessage response, string what)
{
    if (!response.IsSuccessStatusCode)
    {
        throw new InvalidOperationException($"{what}: {(int)response.StatusCode} {response.ReasonPhrase} {await response.Content.ReadAsStringAsync()}");
    }
}

/// <summary>A hub connection subscribed to one stream that remembers when each text first arrived in its events.</summary>
sealed class Listener : IAsyncDisposable
{
    private readonly HubConnection _connection;
    private readonly List<(string Raw, long At)> _seen = [];

    private Listener(string name, HubConnection connection)
    {
        Name = name;
        _connection = connection;
        _connection.On<JsonElement>("event", e => Remember(e.GetRawText()));
        _connection.On<JsonElement>("events", e => Remember(e.GetRawText()));
    }

    public string Name { get; }

    public static async Task<Listener> OpenAsync(string name, Uri hub, Action<HttpConnectionOptions> configure, string stream, long lastSeq)
    {
        var connection = new HubConnectionBuilder()
            .WithUrl(hub, options =>
            {
                // As the page scripts: a WebSocket at once, so that a round-robin balancer cannot
                // send the negotiation to one instance and the socket to another.
                options.SkipNegotiation = true;
                options.Transports = HttpTransportType.WebSockets;
                configure(options);
            })
            .Build();
        var listener = new Listener(name, connection);
        try
        {
            await connection.StartAsync();
            await connection.InvokeAsync<JsonElement>("Subscribe", stream, lastSeq);
        }
        catch (Exception exception)
        {
            throw new InvalidOperationException($"{name} could not subscribe at {hub}: {exception.Message}", exception);
        }

        return listener;
    }

    /// <summary>Waits for an event carrying <paramref name="text"/>; answers the seconds from <paramref name="since"/> (a timestamp) to its arrival.</summary>
    public async Task<double> WaitForAsync(string text, long since, TimeSpan timeout)
    {
        while (Stopwatch.GetElapsedTime(since) < timeout)
        {
            lock (_seen)
            {
                foreach (var (raw, at) in _seen)
                {
                    if (raw.Contains(text, StringComparison.Ordinal))
                    {
                        return Stopwatch.GetElapsedTime(since, at).TotalSeconds;
                    }
                }
            }

            await Task.Delay(20);
        }

        throw new InvalidOperationException($"{Name} did not hear \"{text}\" within {timeout.TotalSeconds:0} s");
    }

    public ValueTask DisposeAsync() => _connection.DisposeAsync();

    private void Remember(string raw)
    {
        lock (_seen)
        {
            _seen.Add((raw, Stopwatch.GetTimestamp()));
        }
    }
}
