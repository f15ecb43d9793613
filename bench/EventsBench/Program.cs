using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using CommunityOfPractice.Contracts;
using CommunityOfPractice.Contracts.Community;
using CommunityOfPractice.Contracts.Events;
using CommunityOfPractice.Contracts.Events.Qa;
using CommunityOfPractice.Domain.Events;
using CommunityOfPractice.LiveBench;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;

namespace CommunityOfPractice.EventsBench;

/// <summary>
/// Two scenarios against the real Api (its own process, real PostgreSQL):
/// 1. Registration race: R members register for an event of S seats at the same instant.
/// 2. Webinar storm: A connected attendees on one Q&amp;A stream while votes (V/s) and questions
///    (Q/s) arrive open loop for D seconds. Reports vote latency, hub messages per client per
///    second, vote → total shown on every client, and whether the final totals equal the votes cast.
/// </summary>
public static class Program
{
    private static readonly Stopwatch _clock = Stopwatch.StartNew();
    private static readonly JsonSerializerOptions _json = ApiJson.Options;

    public static async Task<int> Main(string[] args)
    {
        var o = Options.Parse(args);
        if (o is null)
        {
            return 2;
        }

        ThreadPool.SetMinThreads(64, 64);
        Directory.CreateDirectory(o.Out);
        var apiUrl = new Uri($"http://127.0.0.1:{ChildApp.FreePort()}");
        const string adminEmail = "admin@bench.communityofpractice.org.uk";
        const string adminPassword = "Bench-admin-2026!";
        Log($"EventsBench: {Environment.ProcessorCount} cores; starting the Api on {apiUrl}");
        using var api = ChildApp.Start("Api", Path.Combine(o.Repo, "src", "Api"),
            Path.Combine(o.Repo, "src", "Api", "bin", "Release", "net10.0", "CommunityOfPractice.Api.dll"), [],
            new Dictionary<string, string>
            {
                ["ASPNETCORE_ENVIRONMENT"] = "Development",
                ["ASPNETCORE_URLS"] = apiUrl.ToString().TrimEnd('/'),
                ["ConnectionStrings__Postgres"] = o.Postgres,
                ["Admin__Email"] = adminEmail,
                ["Admin__Password"] = adminPassword,
                ["Seed__Demo"] = "false",
                // Members the bench registers join at once, without a moderator approving them.
                ["Community__Joining"] = "Open",
                ["Oidc__AccessTokenLifetime"] = "04:00:00",
                ["Logging__LogLevel__Default"] = "Warning",
            }, apiUrl, Path.Combine(o.Out, "api.log"));
        await api.WaitUntilHealthyAsync("/health/ready", TimeSpan.FromMinutes(3));

        // People: one host (granted the role by the admin) and the members who race and attend.
        var admin = await TokenAsync(apiUrl, adminEmail, adminPassword);
        var host = await HostAsync(apiUrl, admin);
        var count = Math.Max(o.Attendees, o.Racers);
        var joinWatch = Stopwatch.StartNew();
        var members = new BenchMember[count];
        var next = -1;
        await Task.WhenAll(Enumerable.Range(0, 6).Select(async _ =>
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < members.Length)
            {
                // Six sockets each, as a browser keeps: when the Api falls behind a storm, votes queue
                // in the attendees' clients (their wait still counts, the loop being open) rather
                // than opening thousands of sockets until the machine runs out of descriptors.
                members[i] = await ApiClient.JoinAsync(apiUrl, i, maxConnections: 6);
            }
        }));
        Log($"{count} members joined in {joinWatch.Elapsed.TotalSeconds:0} s (full-strength password hashing)");

        var report = new StringBuilder();
        report.AppendLine(CultureInfo.InvariantCulture, $"Command: `{o.Command}` on {Environment.ProcessorCount} cores, {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC");
        report.AppendLine();
        var raceOk = await RaceAsync(o, host, members[..o.Racers], report);
        var stormOk = await StormAsync(o, host, members[..o.Attendees], apiUrl, report);

        var markdown = report.ToString();
        await File.WriteAllTextAsync(Path.Combine(o.Out, "results.md"), markdown);
        Console.WriteLine();
        Console.WriteLine(markdown);
        return raceOk && stormOk ? 0 : 1;
    }

    // ------------------------------------------------------------------ registration race

    private static async Task<bool> RaceAsync(Options o, BenchMember host, BenchMember[] racers, StringBuilder report)
    {
        var created = await CreateEventAsync(host, "Power of Place (race)", o.Seats);
        Log($"race: {racers.Length} registrations for {o.Seats} seats");
        var go = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var watch = new Stopwatch();
        var racing = racers.Select(async member =>
        {
            await go.Task;
            using var response = await member.Http.PutAsJsonAsync($"/api/v1/events/{created}/registration", new RegisterForEventRequest([], ListMe: null), _json);
            return response.IsSuccessStatusCode ? await response.Content.ReadFromJsonAsync<MyRegistration>(_json) : null;
        }).ToList();
        watch.Start();
        go.SetResult();
        var results = await Task.WhenAll(racing);
        watch.Stop();

        var ok = results.Where(r => r is not null).Select(r => r!).ToList();
        var seated = ok.Where(r => r.Status == RegistrationStatus.Registered).ToList();
        var waiting = ok.Where(r => r.Status == RegistrationStatus.Waitlisted).ToList();
        var detail = await host.Http.GetFromJsonAsync<EventDetail>($"/api/v1/events/{created}", _json);
        var arrivalsUnique = ok.Select(r => r.ArrivalNumber).Distinct().Count() == ok.Count;
        var ordered = seated.Count == 0 || waiting.Count == 0 || seated.Max(r => r.ArrivalNumber) < waiting.Min(r => r.ArrivalNumber);
        var correct = ok.Count == racers.Length && seated.Count == o.Seats && waiting.Count == racers.Length - o.Seats
            && detail!.RegisteredCount == o.Seats && arrivalsUnique && ordered;
        var rate = racers.Length / watch.Elapsed.TotalSeconds;

        report.AppendLine(CultureInfo.InvariantCulture, $"### {racers.Length:N0} registrations racing for {o.Seats} seats");
        report.AppendLine();
        report.AppendLine("| answered | wall time | throughput | registered | waitlisted | arrival numbers unique, seats before waitlist | correct |");
        report.AppendLine("| --- | --- | --- | --- | --- | --- | --- |");
        report.AppendLine(CultureInfo.InvariantCulture,
            $"| {ok.Count}/{racers.Length} | {watch.Elapsed.TotalSeconds:0.00} s | {rate:0} registrations/s | {seated.Count} (event says {detail!.RegisteredCount}) | {waiting.Count} | {(arrivalsUnique && ordered ? "yes" : "NO")} | {(correct ? "yes" : "NO")} |");
        report.AppendLine();
        Log($"race: {seated.Count} registered, {waiting.Count} waitlisted in {watch.Elapsed.TotalSeconds:0.00} s ({rate:0}/s); correct: {correct}");
        return correct;
    }

    // ------------------------------------------------------------------ webinar storm

    private static async Task<bool> StormAsync(Options o, BenchMember host, BenchMember[] attendees, Uri apiUrl, StringBuilder report)
    {
        var webinar = await CreateEventAsync(host, "The five-stage framework (storm)", null);
        using (var opened = await host.Http.PostAsJsonAsync($"/api/v1/events/{webinar}/qa/open", new OpenQaRequest(RequireApproval: false), _json))
        {
            opened.EnsureSuccessStatusCode();
        }

        var gate = new SemaphoreSlim(16);
        await Task.WhenAll(attendees.Select(async member =>
        {
            await gate.WaitAsync();
            try
            {
                using var response = await member.Http.PutAsJsonAsync($"/api/v1/events/{webinar}/registration", new RegisterForEventRequest(Answers: null, ListMe: null), _json);
                response.EnsureSuccessStatusCode();
            }
            finally
            {
                gate.Release();
            }
        }));

        var questions = new List<Guid>();
        for (var i = 0; i < 10; i++)
        {
            questions.Add(await AskAsync(attendees[i % attendees.Length], webinar, $"Seed question {i}: how does a place move between stages?") ?? throw new InvalidOperationException("seed ask failed"));
        }

        // The audience: one hub connection per attendee, each subscribed to the Q&A stream.
        var lastSeq = (await host.Http.GetFromJsonAsync<QaState>($"/api/v1/events/{webinar}/qa", _json))!.LastSeq;
        var clients = new Client[attendees.Length];
        var connectWatch = Stopwatch.StartNew();
        for (var batch = 0; batch < attendees.Length; batch += 100)
        {
            await Task.WhenAll(Enumerable.Range(batch, Math.Min(100, attendees.Length - batch)).Select(async i =>
            {
                clients[i] = await Client.ConnectAsync(apiUrl, attendees[i], $"qa:{webinar}", lastSeq);
            }));
        }

        Log($"storm: {clients.Length} attendees connected and subscribed in {connectWatch.Elapsed.TotalSeconds:0.0} s");
        await Task.Delay(TimeSpan.FromSeconds(2));

        // Open loop: vote k is due at start + k / rate and is sent then, answered or not, unless
        // --max-in-flight requests are already waiting (an Api far behind would otherwise have the
        // bench open sockets until it runs out of them or of memory); a vote held back still counts
        // its latency from when it was due.
        using var room = new SemaphoreSlim(o.MaxInFlight);
        var heldBack = 0;
        var votes = new ConcurrentBag<VoteRecord>();
        var asks = new ConcurrentBag<(bool Ok, double Ms)>();
        var used = new HashSet<(int Member, Guid Question)>();
        var random = new Random(2026);
        var inFlight = new List<Task>();
        var start = _clock.Elapsed;
        foreach (var client in clients)
        {
            client.MeasureFrom(start);
        }

        var voteCount = (int)(o.VoteRate * o.Duration.TotalSeconds);
        var askCount = (int)(o.QuestionRate * o.Duration.TotalSeconds);
        var schedule = Enumerable.Range(0, voteCount).Select(k => (Due: k / o.VoteRate, Vote: true))
            .Concat(Enumerable.Range(0, askCount).Select(k => (Due: (k + 0.5) / o.QuestionRate, Vote: false)))
            .OrderBy(x => x.Due).ToList();
        var askNumber = 0;
        foreach (var (due, isVote) in schedule)
        {
            var wait = start + TimeSpan.FromSeconds(due) - _clock.Elapsed;
            if (wait > TimeSpan.Zero)
            {
                await Task.Delay(wait);
            }

            var dueAt = start + TimeSpan.FromSeconds(due);
            if (isVote)
            {
                Guid question;
                int member;
                lock (questions)
                {
                    var tries = 0;
                    do
                    {
                        // Skewed towards the popular early questions, as audiences are; uniform once
                        // a popular one has had every attendee's vote.
                        var pick = tries < 10 ? (int)(questions.Count * Math.Pow(random.NextDouble(), 2)) : random.Next(questions.Count);
                        question = questions[pick];
                        member = random.Next(attendees.Length);
                    }
                    while (!used.Add((member, question)) && ++tries < 200);
                }

                var voter = attendees[member];
                if (!room.Wait(0))
                {
                    heldBack++;
                    await room.WaitAsync();
                }

                inFlight.Add(Task.Run(async () =>
                {
                    try
                    {
                        using var response = await voter.Http.PutAsync($"/api/v1/events/{webinar}/qa/questions/{question}/vote", null);
                        var answered = _clock.Elapsed;
                        var total = response.IsSuccessStatusCode ? (await response.Content.ReadFromJsonAsync<VoteResult>(_json))!.Votes : -1;
                        votes.Add(new VoteRecord(question, total, dueAt, answered, (int)response.StatusCode));
                    }
                    finally
                    {
                        room.Release();
                    }
                }));
            }
            else
            {
                var asker = attendees[random.Next(attendees.Length)];
                var n = Interlocked.Increment(ref askNumber);
                inFlight.Add(Task.Run(async () =>
                {
                    var id = await AskAsync(asker, webinar, $"Storm question {n}: what does mutuality look like in a borough?");
                    asks.Add((id is not null, (_clock.Elapsed - dueAt).TotalMilliseconds));
                    if (id is { } asked)
                    {
                        lock (questions)
                        {
                            questions.Add(asked);
                        }
                    }
                }));
            }
        }

        var sendEnd = _clock.Elapsed;
        await Task.WhenAll(inFlight);
        var window = (sendEnd - start).TotalSeconds;
        Log($"storm: {votes.Count} votes and {asks.Count} questions sent over {window:0.0} s; {heldBack} votes waited for one of {o.MaxInFlight} requests in flight");

        // Final totals: the Api's, against the votes that were answered 200.
        var okVotes = votes.Where(v => v.Status == 200).ToList();
        var expected = okVotes.GroupBy(v => v.Question).ToDictionary(g => g.Key, g => g.Count());
        var final = (await host.Http.GetFromJsonAsync<QaState>($"/api/v1/events/{webinar}/qa", _json))!.Questions.ToDictionary(q => q.Id, q => q.Votes);
        var totalsExact = expected.All(e => final.GetValueOrDefault(e.Key) == e.Value)
            && final.Where(f => !expected.ContainsKey(f.Key)).All(f => f.Value == 0);

        // Every client ends on the final totals (wait for the last coalesced update).
        var drain = Stopwatch.StartNew();
        while (drain.Elapsed < TimeSpan.FromSeconds(30) && !clients.All(c => expected.All(e => c.Latest(e.Key) == e.Value)))
        {
            await Task.Delay(200);
        }

        var clientsExact = clients.Count(c => expected.All(e => c.Latest(e.Key) == e.Value));

        // Vote → total shown on every client: per vote, the moment the last client showed a total ≥ it.
        var sample = okVotes.OrderBy(_ => random.Next()).Take(2000).ToList();
        var shownAll = new List<double>();
        var neverShown = 0;
        foreach (var vote in sample)
        {
            var latest = TimeSpan.Zero;
            var missing = false;
            foreach (var client in clients)
            {
                if (client.FirstAtLeast(vote.Question, vote.Total) is { } at)
                {
                    latest = at > latest ? at : latest;
                }
                else
                {
                    missing = true;
                }
            }

            if (missing)
            {
                neverShown++;
            }
            else
            {
                shownAll.Add((latest - vote.Due).TotalMilliseconds);
            }
        }

        var latency = okVotes.Select(v => (v.Answered - v.Due).TotalMilliseconds).Order().ToList();
        var perClient = clients.Select(c => c.Messages(start, sendEnd) / window).ToList();
        var totalsPerClient = clients.Select(c => c.TotalsMessages(start, sendEnd) / window).ToList();
        var naive = (double)okVotes.Count * clients.Length;
        var sent = clients.Sum(c => (double)c.TotalsMessages(start, TimeSpan.MaxValue));
        var errors = votes.Where(v => v.Status != 200).GroupBy(v => v.Status).Select(g => $"{g.Count()}×{g.Key}").ToList();
        var shownP95 = Percentile(shownAll.Order().ToList(), 95);

        report.AppendLine(CultureInfo.InvariantCulture,
            $"### Webinar storm: {clients.Length:N0} attendees on one Q&A stream, {o.VoteRate:0} votes/s and {o.QuestionRate:0} questions/s for {o.Duration.TotalSeconds:0} s");
        report.AppendLine();
        report.AppendLine("| figure | value | target |");
        report.AppendLine("| --- | --- | --- |");
        report.AppendLine(CultureInfo.InvariantCulture, $"| votes answered 200 | {okVotes.Count:N0} of {votes.Count:N0}{(errors.Count > 0 ? " (" + string.Join(", ", errors) + ")" : "")} | all |");
        report.AppendLine(CultureInfo.InvariantCulture, $"| votes sent late: {o.MaxInFlight} already in flight | {heldBack:N0} (send window {window:0.0} s for {o.Duration.TotalSeconds:0} s of schedule) | 0 |");
        report.AppendLine(CultureInfo.InvariantCulture, $"| vote API latency p50 / p95 / p99 | {Percentile(latency, 50):0} / {Percentile(latency, 95):0} / {Percentile(latency, 99):0} ms | |");
        report.AppendLine(CultureInfo.InvariantCulture, $"| questions asked | {asks.Count(a => a.Ok)} of {asks.Count} (p95 {Percentile(asks.Select(a => a.Ms).Order().ToList(), 95):0} ms) | |");
        report.AppendLine(CultureInfo.InvariantCulture, $"| hub messages per client per second (all kinds), mean / max | {perClient.Average():0.0} / {perClient.Max():0.0} | |");
        report.AppendLine(CultureInfo.InvariantCulture, $"| vote-total updates per client per second, mean / max | {totalsPerClient.Average():0.0} / {totalsPerClient.Max():0.0} | ≤ 5 |");
        report.AppendLine(CultureInfo.InvariantCulture, $"| vote-total messages sent, all clients | {sent:N0} (one per vote would be {naive:N0}) | |");
        report.AppendLine(CultureInfo.InvariantCulture, $"| vote → total shown on every client, p50 / p95 ({sample.Count:N0} votes sampled) | {Percentile(shownAll.Order().ToList(), 50):0} / {shownP95:0} ms{(neverShown > 0 ? $"; {neverShown} never shown" : "")} | p95 ≤ 500 ms |");
        report.AppendLine(CultureInfo.InvariantCulture, $"| final totals equal votes cast (Api) | {(totalsExact ? "exact" : "NOT EXACT")} | exact |");
        report.AppendLine(CultureInfo.InvariantCulture, $"| clients ending on the exact totals | {clientsExact:N0} of {clients.Length:N0} | all |");
        report.AppendLine();

        foreach (var client in clients)
        {
            await client.DisposeAsync();
        }

        return totalsExact && clientsExact == clients.Length;
    }

    // ------------------------------------------------------------------ helpers

    private static double Percentile(IReadOnlyList<double> sorted, double p) =>
        sorted.Count == 0 ? double.NaN : sorted[Math.Clamp((int)Math.Ceiling(p / 100 * sorted.Count) - 1, 0, sorted.Count - 1)];

    private static async Task<Guid> CreateEventAsync(BenchMember host, string title, int? capacity)
    {
        var startsAt = DateTimeOffset.UtcNow.AddDays(7);
        using var created = await host.Http.PostAsJsonAsync("/api/v1/events", new
        {
            title,
            description = "Benchmark event #EventsBench",
            kind = "Webinar",
            startsAt,
            endsAt = startsAt.AddHours(1.5),
            capacity,
            onlineUrl = "https://meet.example.org/bench",
        }, _json);
        created.EnsureSuccessStatusCode();
        var id = (await created.Content.ReadFromJsonAsync<EventDetail>(_json))!.Id;
        using var published = await host.Http.PostAsync($"/api/v1/events/{id}/publish", null);
        published.EnsureSuccessStatusCode();
        return id;
    }

    private static async Task<Guid?> AskAsync(BenchMember member, Guid eventId, string text)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/events/{eventId}/qa/questions")
        {
            Content = JsonContent.Create(new AskQuestionRequest(text, Anonymous: null), options: _json),
        };
        request.Headers.Add(ApiHeaders.IdempotencyKey, Guid.NewGuid().ToString());
        using var response = await member.Http.SendAsync(request);
        return response.IsSuccessStatusCode ? (await response.Content.ReadFromJsonAsync<QuestionView>(_json))!.Id : null;
    }

    private static async Task<string> TokenAsync(Uri apiUrl, string email, string password)
    {
        using var http = ApiClient.NewHttpClient(apiUrl);
        using var response = await http.PostAsync("/connect/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "password",
            ["client_id"] = "cop-cli",
            ["username"] = email,
            ["password"] = password,
            ["scope"] = "openid profile email roles offline_access api",
        }));
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<TokenDto>())!.AccessToken;
    }

    private static async Task<BenchMember> HostAsync(Uri apiUrl, string adminToken)
    {
        var joined = await ApiClient.JoinAsync(apiUrl, -1);
        var me = (await joined.Http.GetFromJsonAsync<MyProfile>("/api/v1/me", _json))!;
        using var adminHttp = ApiClient.NewHttpClient(apiUrl);
        adminHttp.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", adminToken);
        using (var granted = await adminHttp.PutAsync($"/api/v1/admin/people/{me.Id}/roles/host", null))
        {
            granted.EnsureSuccessStatusCode();
        }

        // A new token carries the role.
        var token = await TokenAsync(apiUrl, joined.Email, ApiClient.Password);
        joined.Http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return joined with { AccessToken = token };
    }

    private static void Log(string message) =>
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"[{_clock.Elapsed.TotalSeconds,7:0.0}s] {message}"));

    private sealed record VoteRecord(Guid Question, int Total, TimeSpan Due, TimeSpan Answered, int Status);

    private sealed record TokenDto([property: JsonPropertyName("access_token")] string AccessToken);


    /// <summary>One attendee's hub connection: what arrived when (handlers run one at a time per connection).</summary>
    private sealed class Client : IAsyncDisposable
    {
        private readonly HubConnection _connection;
        private readonly List<(TimeSpan At, string Kind)> _messages = [];
        private readonly Dictionary<Guid, List<(TimeSpan At, int Votes)>> _totals = [];
        private readonly Lock _gate = new();

        private Client(HubConnection connection) => _connection = connection;

        public static async Task<Client> ConnectAsync(Uri apiUrl, BenchMember member, string stream, long lastSeq)
        {
            var connection = new HubConnectionBuilder()
                .WithUrl(new Uri(apiUrl, "/hubs/live"), HttpTransportType.WebSockets, options =>
                {
                    options.AccessTokenProvider = () => Task.FromResult<string?>(member.AccessToken);
                    options.SkipNegotiation = true;
                })
                .Build();
            var client = new Client(connection);
            connection.On<JsonElement>("event", client.OnEvent);
            connection.On<JsonElement[]>("events", events => Array.ForEach(events, client.OnEvent));
            connection.On<JsonElement>("presence", _ => { });
            await connection.StartAsync();
            await connection.InvokeAsync<JsonElement>("Subscribe", stream, lastSeq);
            return client;
        }

        public void MeasureFrom(TimeSpan start)
        {
            lock (_gate)
            {
                _messages.Clear();
            }
        }

        public int Messages(TimeSpan from, TimeSpan to)
        {
            lock (_gate)
            {
                return _messages.Count(m => m.At >= from && m.At <= to);
            }
        }

        public int TotalsMessages(TimeSpan from, TimeSpan to)
        {
            lock (_gate)
            {
                return _messages.Count(m => m.At >= from && m.At <= to && m.Kind == "votes.updated");
            }
        }

        public int Latest(Guid question)
        {
            lock (_gate)
            {
                return _totals.TryGetValue(question, out var list) && list.Count > 0 ? list[^1].Votes : 0;
            }
        }

        public TimeSpan? FirstAtLeast(Guid question, int votes)
        {
            lock (_gate)
            {
                if (!_totals.TryGetValue(question, out var list))
                {
                    return null;
                }

                foreach (var (at, total) in list)
                {
                    if (total >= votes)
                    {
                        return at;
                    }
                }

                return null;
            }
        }

        public async ValueTask DisposeAsync() => await _connection.DisposeAsync();

        private void OnEvent(JsonElement e)
        {
            var at = _clock.Elapsed;
            var kind = e.GetProperty("kind").GetString()!;
            lock (_gate)
            {
                _messages.Add((at, kind));
                if (kind == "votes.updated")
                {
                    foreach (var total in e.GetProperty("data").GetProperty("totals").EnumerateArray())
                    {
                        var id = total.GetProperty("id").GetGuid();
                        if (!_totals.TryGetValue(id, out var list))
                        {
                            _totals[id] = list = [];
                        }

                        list.Add((at, total.GetProperty("votes").GetInt32()));
                    }
                }
            }
        }
    }

    private sealed class Options
    {
        public string Repo { get; private set; } = string.Empty;
        public string Postgres { get; private set; } = string.Empty;
        public string Out { get; private set; } = string.Empty;
        public string Command { get; private set; } = "bench/events.sh";
        public int Attendees { get; private set; } = 1000;
        public double VoteRate { get; private set; } = 1000;
        public double QuestionRate { get; private set; } = 5;
        public TimeSpan Duration { get; private set; } = TimeSpan.FromSeconds(60);
        public int Racers { get; private set; } = 1000;
        public int Seats { get; private set; } = 100;
        public int MaxInFlight { get; private set; } = 256;

        public static Options? Parse(string[] args)
        {
            var o = new Options();
            for (var i = 0; i < args.Length; i++)
            {
                string Next() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value");
                switch (args[i])
                {
                    case "--repo": o.Repo = Next(); break;
                    case "--postgres": o.Postgres = Next(); break;
                    case "--out": o.Out = Next(); break;
                    case "--command": o.Command = Next(); break;
                    case "--attendees": o.Attendees = int.Parse(Next(), CultureInfo.InvariantCulture); break;
                    case "--vote-rate": o.VoteRate = double.Parse(Next(), CultureInfo.InvariantCulture); break;
                    case "--question-rate": o.QuestionRate = double.Parse(Next(), CultureInfo.InvariantCulture); break;
                    case "--duration": o.Duration = TimeSpan.FromSeconds(double.Parse(Next(), CultureInfo.InvariantCulture)); break;
                    case "--racers": o.Racers = int.Parse(Next(), CultureInfo.InvariantCulture); break;
                    case "--seats": o.Seats = int.Parse(Next(), CultureInfo.InvariantCulture); break;
                    case "--max-in-flight": o.MaxInFlight = Math.Max(1, int.Parse(Next(), CultureInfo.InvariantCulture)); break;
                    case "--quick":
                        o.Attendees = 100;
                        o.VoteRate = 50;
                        o.Duration = TimeSpan.FromSeconds(10);
                        o.Racers = 200;
                        o.Seats = 20;
                        break;
                    default:
                        Console.Error.WriteLine($"EventsBench: unknown option {args[i]}. Options: --quick --attendees N --vote-rate R --question-rate R --duration S --racers N --seats N --max-in-flight N");
                        return null;
                }
            }

            if (o.Repo.Length == 0 || o.Postgres.Length == 0 || o.Out.Length == 0)
            {
                Console.Error.WriteLine("EventsBench: --repo, --postgres and --out are required (bench/events.sh sets them)");
                return null;
            }

            return o;
        }
    }
}
