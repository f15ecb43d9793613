using System.Buffers;
using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using CommunityOfPractice.Contracts.Community;
using CommunityOfPractice.LiveBench;
using MimeKit;
using Npgsql;
using SmtpServer;
using SmtpServer.Protocol;
using SmtpServer.Storage;

namespace CommunityOfPractice.NotifyBench;

/// <summary>
/// What notifications cost a busy thread. Through the real Api (its own process, real PostgreSQL,
/// mail to a real SMTP server in this process) it makes 1,000 members who follow one thread, then
/// posts 20 replies/s for 60 s (four writers on a fixed schedule) and measures: the followers'
/// notifications and whether each counts every reply; the lag from a reply to the bell (one
/// follower's notification read every 100 ms) and from the first reply to each follower's first
/// email accepted by the SMTP server; and the reply latency, against the same load with
/// notifications off (<c>Notifications__Enabled=false</c>).
/// Target (the notifications issue): reply latency p95 with notifications ≤ 1.2 × without.
/// </summary>
public static class Program
{
    private static readonly Stopwatch _clock = Stopwatch.StartNew();

    public static async Task<int> Main(string[] args)
    {
        var o = Options.Parse(args);
        ThreadPool.SetMinThreads(32, 32);
        Directory.CreateDirectory(o.Out);
        var smtp = new SmtpSink();
        await smtp.StartAsync();
        Log($"NotifyBench: {Environment.ProcessorCount} cores; SMTP on 127.0.0.1:{smtp.Port}; {o.Members} followers, {o.Rate} replies/s for {o.Seconds} s");

        var off = await RunAsync(o, smtp, notifications: false);
        var on = await RunAsync(o, smtp, notifications: true);
        var ratio = on.Reply.P95 / off.Reply.P95;
        var met = ratio <= 1.2;

        var report = new StringBuilder()
            .AppendLine(CultureInfo.InvariantCulture, $"# Notification benchmark, {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC")
            .AppendLine()
            .AppendLine(CultureInfo.InvariantCulture, $"Command: `{o.Command}`; {Environment.ProcessorCount} cores; {o.Members} members following one thread; {o.Rate} replies/s for {o.Seconds} s from 4 writers.")
            .AppendLine()
            .AppendLine("| | notifications off | notifications on |")
            .AppendLine("| --- | --- | --- |")
            .AppendLine(CultureInfo.InvariantCulture, $"| replies posted (failed) | {off.Replies} ({off.Failed}) | {on.Replies} ({on.Failed}) |")
            .AppendLine(CultureInfo.InvariantCulture, $"| reply latency p50 / p95 / max | {off.Reply.P50:0.0} / {off.Reply.P95:0.0} / {off.Reply.Max:0} ms | {on.Reply.P50:0.0} / {on.Reply.P95:0.0} / {on.Reply.Max:0} ms |")
            .AppendLine(CultureInfo.InvariantCulture, $"| followers' notifications about the thread (those counting every reply) | - | {on.Notifications:N0} ({on.ToldOfAll:N0}) |")
            .AppendLine(CultureInfo.InvariantCulture, $"| fan-out passes seen by one follower's bell | - | {on.Passes:N0} |")
            .AppendLine(CultureInfo.InvariantCulture, $"| reply → under the bell p50 / p95 / max | - | {on.RowLag.P50:0} / {on.RowLag.P95:0} / {on.RowLag.Max:0} ms |")
            .AppendLine(CultureInfo.InvariantCulture, $"| followers' first notification emails accepted by SMTP | - | {on.Emails:N0} |")
            .AppendLine(CultureInfo.InvariantCulture, $"| first reply → first email accepted p50 / p95 / max | - | {on.MailLag.P50:0} / {on.MailLag.P95:0} / {on.MailLag.Max:0} ms |")
            .AppendLine()
            .AppendLine(CultureInfo.InvariantCulture, $"Reply latency p95 with notifications: {ratio:0.00} × without (target ≤ 1.2×: {(met ? "met" : "missed")}).");
        await File.WriteAllTextAsync(Path.Combine(o.Out, "results.md"), report.ToString());
        Console.WriteLine();
        Console.WriteLine(report);
        await smtp.DisposeAsync();
        return met ? 0 : 2;
    }

    private static async Task<RunResult> RunAsync(Options o, SmtpSink smtp, bool notifications)
    {
        var label = notifications ? "on" : "off";
        var apiUrl = new Uri($"http://127.0.0.1:{ChildApp.FreePort()}");
        using var api = ChildApp.Start("Api", Path.Combine(o.Repo, "src", "Api"),
            Path.Combine(o.Repo, "src", "Api", "bin", "Release", "net10.0", "CommunityOfPractice.Api.dll"), [],
            new Dictionary<string, string>
            {
                ["ASPNETCORE_ENVIRONMENT"] = "Development",
                ["ASPNETCORE_URLS"] = apiUrl.ToString().TrimEnd('/'),
                ["ConnectionStrings__Postgres"] = o.Postgres,
                ["Admin__Email"] = "admin@bench.communityofpractice.org.uk",
                ["Admin__Password"] = "Bench-admin-2026!",
                ["Seed__Demo"] = "false",
                ["Community__Joining"] = "Open",
                ["Oidc__AccessTokenLifetime"] = "04:00:00",
                ["Logging__LogLevel__Default"] = "Warning",
                // --no-send: no SMTP server configured, so mail is queued in the outbox but not sent
                // (a diagnostic that separates queueing from sending).
                ["Email__Smtp__Host"] = o.Send ? "127.0.0.1" : string.Empty,
                ["Email__Smtp__Port"] = smtp.Port.ToString(CultureInfo.InvariantCulture),
                ["Email__Smtp__Security"] = "None",
                ["Notifications__Enabled"] = notifications ? "true" : "false",
            }, apiUrl, Path.Combine(o.Out, $"api-{label}.log"));
        await api.WaitUntilHealthyAsync("/health/ready", TimeSpan.FromMinutes(3));

        // The followers: registered through the Api (real accounts with the member role and an
        // address), then set to follow the thread in one statement, as 1,000 clicks would.
        var writers = await Task.WhenAll(Enumerable.Range(0, 4).Select(i => ApiClient.JoinAsync(apiUrl, i)));
        var thread = await ApiClient.StartThreadAsync(writers[0]);
        var followers = await RegisterAsync(apiUrl, o.Members, label);
        await using (var db = await NpgsqlDataSource.Create(o.Postgres).OpenConnectionAsync())
        {
            await using var follow = new NpgsqlCommand("""
                INSERT INTO thread_readers (thread_id, member_id, is_following, last_read_number)
                SELECT @thread, u.id, TRUE, 0 FROM users u WHERE u.email = ANY(@emails)
                ON CONFLICT (thread_id, member_id) DO UPDATE SET is_following = TRUE
                """, db);
            follow.Parameters.AddWithValue("thread", thread.Id);
            follow.Parameters.AddWithValue("emails", followers);
            Log($"[{label}] {await follow.ExecuteNonQueryAsync()} members follow thread {thread.Id}");
            if (o.Choice is { } choice)
            {
                // A variant: every follower chose this for replies (e.g. InApp: no reply emails at all).
                await using var choose = new NpgsqlCommand("""
                    INSERT INTO notification_preferences (member_id, kind, delivery)
                    SELECT u.id, 'Reply', @choice FROM users u WHERE u.email = ANY(@emails)
                    ON CONFLICT (member_id, kind) DO UPDATE SET delivery = excluded.delivery
                    """, db);
                choose.Parameters.AddWithValue("choice", choice);
                choose.Parameters.AddWithValue("emails", followers);
                Log($"[{label}] {await choose.ExecuteNonQueryAsync()} followers chose {choice} for replies");
            }
        }

        // The followers' confirmation emails go before the load, so they neither compete with it nor count in it.
        await using (var db = await NpgsqlDataSource.Create(o.Postgres).OpenConnectionAsync())
        {
            if (!o.Send)
            {
                await using var settle = new NpgsqlCommand("UPDATE outbox_messages SET sent_at = now() WHERE sent_at IS NULL", db);
                await settle.ExecuteNonQueryAsync();
            }

            var until = DateTime.UtcNow + TimeSpan.FromMinutes(3);
            while (DateTime.UtcNow < until && await ScalarAsync(db, "SELECT count(*) FROM outbox_messages WHERE sent_at IS NULL AND refused IS NULL") > 0)
            {
                await Task.Delay(250);
            }
        }

        // The bell of one follower, read every 100 ms while the load runs: each fan-out pass leaves
        // its time and the newest reply it told of, from which each reply's lag to the bell follows.
        using var probeStop = new CancellationTokenSource();
        var probe = notifications ? ProbeAsync(o.Postgres, followers[0], thread.Id, probeStop.Token) : Task.FromResult(new SortedDictionary<int, DateTimeOffset>());
        var mailBefore = smtp.Count;
        var latencies = new ConcurrentBag<double>();
        var failed = 0;
        var total = o.Rate * o.Seconds;
        var interval = TimeSpan.FromSeconds(1.0 / o.Rate);
        var started = Stopwatch.GetTimestamp();
        var loadStart = DateTimeOffset.UtcNow;
        await Task.WhenAll(Enumerable.Range(0, 4).Select(async w =>
        {
            for (var n = w; n < total; n += 4)
            {
                var due = TimeSpan.FromTicks(interval.Ticks * n) - Stopwatch.GetElapsedTime(started);
                if (due > TimeSpan.Zero)
                {
                    await Task.Delay(due);
                }

                var sent = Stopwatch.GetTimestamp();
                var ok = await ApiClient.PostReplyAsync(writers[w], thread.Id, $"Reply {n} from writer {w}: the hall is free on Thursdays.");
                latencies.Add(Stopwatch.GetElapsedTime(sent).TotalMilliseconds);
                if (!ok)
                {
                    Interlocked.Increment(ref failed);
                }
            }
        }));
        var loadEnd = DateTimeOffset.UtcNow;
        var reply = Percentiles.OfMilliseconds(latencies);
        Log(string.Create(CultureInfo.InvariantCulture, $"[{label}] {latencies.Count} replies ({failed} failed) in {(loadEnd - loadStart).TotalSeconds:0.0} s; reply p50 {reply.P50:0.0} ms p95 {reply.P95:0.0} ms max {reply.Max:0} ms"));

        if (!notifications)
        {
            return new RunResult(latencies.Count, failed, reply, 0, 0, 0, Percentiles.Empty, 0, Percentiles.Empty);
        }

        // Let the fan-out and the mailer finish what the load left them, then read the lags.
        await using var conn = await NpgsqlDataSource.Create(o.Postgres).OpenConnectionAsync();
        var drainUntil = DateTime.UtcNow + TimeSpan.FromMinutes(3);
        while (DateTime.UtcNow < drainUntil
            && (await ScalarAsync(conn, "SELECT count(*) FROM notification_jobs") > 0
                || (o.Send && await ScalarAsync(conn, "SELECT count(*) FROM outbox_messages WHERE sent_at IS NULL AND refused IS NULL") > 0)))
        {
            await Task.Delay(250);
        }

        await probeStop.CancelAsync();
        var passes = await probe;
        var posts = new List<(int Number, DateTimeOffset At)>();
        await using (var replies = new NpgsqlCommand("SELECT number, created_at FROM posts WHERE thread_id = @thread AND number > 1 ORDER BY number", conn))
        {
            replies.Parameters.AddWithValue("thread", thread.Id);
            await using var reader = await replies.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                posts.Add((reader.GetInt32(0), reader.GetFieldValue<DateTimeOffset>(1)));
            }
        }

        // A reply reached the bell with the first pass whose newest reply was it or a later one.
        var rowLags = new List<double>();
        foreach (var (number, at) in posts)
        {
            var pass = passes.FirstOrDefault(p => p.Key >= number);
            if (pass.Key >= number)
            {
                rowLags.Add((pass.Value - at).TotalMilliseconds);
            }
        }

        // Rows, and the replies they tell of: every follower should count every reply.
        long written, toldOfAll;
        await using (var counts = new NpgsqlCommand("""
            SELECT count(*), count(*) FILTER (WHERE n.count = @replies)
            FROM notifications n WHERE n.group_key = 'thread:' || @thread AND n.member_id IN (SELECT id FROM users WHERE email = ANY(@emails))
            """, conn))
        {
            counts.Parameters.AddWithValue("thread", thread.Id);
            counts.Parameters.AddWithValue("replies", posts.Count);
            counts.Parameters.AddWithValue("emails", followers);
            await using var reader = await counts.ExecuteReaderAsync();
            await reader.ReadAsync();
            (written, toldOfAll) = (reader.GetInt64(0), reader.GetInt64(1));
        }

        // Each follower's first email tells of the first replies: the lag from the first reply to its acceptance.
        var mailLags = new List<double>();
        var accepted = smtp.AcceptedAt;
        var firstReply = posts.Count > 0 ? posts[0].At : loadStart;
        await using (var firsts = new NpgsqlCommand("""
            SELECT DISTINCT ON (o.recipient) o.id
            FROM outbox_messages o WHERE o.created_at >= @since AND o.kind = 'notification-reply' AND o.recipient = ANY(@emails)
            ORDER BY o.recipient, o.created_at
            """, conn))
        {
            firsts.Parameters.AddWithValue("since", loadStart);
            firsts.Parameters.AddWithValue("emails", followers);
            await using var reader = await firsts.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                if (accepted.TryGetValue(reader.GetGuid(0).ToString("N"), out var at))
                {
                    mailLags.Add((at - firstReply).TotalMilliseconds);
                }
            }
        }

        var emails = mailLags.Count;
        var rows = Percentiles.OfMilliseconds(rowLags);
        var mails = Percentiles.OfMilliseconds(mailLags);
        Log(string.Create(CultureInfo.InvariantCulture, $"[{label}] {written:N0} notifications, {toldOfAll:N0} told of all {posts.Count} replies, {passes.Count} passes seen; reply→bell p95 {rows.P95:0} ms; {emails} notification emails ({smtp.Count - mailBefore} in all); row→SMTP p95 {mails.P95:0} ms"));
        return new RunResult(latencies.Count, failed, reply, written, toldOfAll, passes.Count, rows, emails, mails);
    }

    /// <summary>Each fan-out pass one follower's bell saw: the newest reply it told of → when.</summary>
    private static async Task<SortedDictionary<int, DateTimeOffset>> ProbeAsync(string postgres, string email, Guid thread, CancellationToken stop)
    {
        var passes = new SortedDictionary<int, DateTimeOffset>();
        await using var conn = await NpgsqlDataSource.Create(postgres).OpenConnectionAsync(CancellationToken.None);
        await using var read = new NpgsqlCommand("""
            SELECT n.link, n.created_at FROM notifications n JOIN users u ON u.id = n.member_id
            WHERE u.email = @email AND n.group_key = 'thread:' || @thread
            """, conn);
        read.Parameters.AddWithValue("email", email);
        read.Parameters.AddWithValue("thread", thread);
        while (true)
        {
            await using (var reader = await read.ExecuteReaderAsync(CancellationToken.None))
            {
                while (await reader.ReadAsync(CancellationToken.None))
                {
                    var number = int.Parse(reader.GetString(0).Split("#post-")[1], CultureInfo.InvariantCulture);
                    passes.TryAdd(number, reader.GetFieldValue<DateTimeOffset>(1));
                }
            }

            if (stop.IsCancellationRequested)
            {
                return passes;
            }

            try
            {
                await Task.Delay(100, stop);
            }
            catch (OperationCanceledException)
            {
            }
        }
    }

    private static async Task<string[]> RegisterAsync(Uri apiUrl, int count, string label)
    {
        var emails = new string[count];
        var next = -1;
        await Task.WhenAll(Enumerable.Range(0, 4).Select(async _ =>
        {
            using var http = ApiClient.NewHttpClient(apiUrl);
            int i;
            while ((i = Interlocked.Increment(ref next)) < count)
            {
                emails[i] = $"follower-{label}-{i}-{Guid.NewGuid():N}@bench.communityofpractice.org.uk";
                using var registered = await http.PostAsJsonAsync("/api/v1/account/register",
                    new RegisterMemberRequest(emails[i], ApiClient.Password, $"Follower {label} {i}"), ApiClient.Json);
                await ApiClient.EnsureAsync(registered, "register");
            }
        }));
        return emails;
    }

    private static async Task<long> ScalarAsync(NpgsqlConnection conn, string sql)
    {
        await using var command = new NpgsqlCommand(sql, conn);
        return (long)(await command.ExecuteScalarAsync())!;
    }

    private static void Log(string message) => Console.WriteLine($"[{_clock.Elapsed:mm\\:ss}] {message}");

    private sealed record RunResult(
        int Replies, int Failed, Percentiles Reply, long Notifications, long ToldOfAll, int Passes, Percentiles RowLag, int Emails, Percentiles MailLag);

    private sealed record Options(string Repo, string Postgres, string Out, string Command, int Members, int Rate, int Seconds, string? Choice, bool Send)
    {
        public static Options Parse(string[] args)
        {
            string Value(string name, string fallback)
            {
                var at = Array.IndexOf(args, name);
                return at >= 0 && at + 1 < args.Length ? args[at + 1] : fallback;
            }

            int Number(string name, int fallback) => int.Parse(Value(name, fallback.ToString(CultureInfo.InvariantCulture)), CultureInfo.InvariantCulture);
            return new Options(
                Value("--repo", "."), Value("--postgres", string.Empty), Value("--out", "."), Value("--command", "bench/notify.sh"),
                Number("--members", 1000), Number("--rate", 20), Number("--seconds", 60),
                Value("--followers-choose", string.Empty) is { Length: > 0 } choice ? choice : null,
                !args.Contains("--no-send"));
        }
    }
}

/// <summary>A real SMTP server that notes when it accepted each message, by Message-Id.</summary>
internal sealed class SmtpSink : IAsyncDisposable
{
    private readonly ConcurrentDictionary<string, DateTimeOffset> _accepted = new();
    private readonly CancellationTokenSource _stop = new();
    private Task? _server;

    public int Port { get; } = ChildApp.FreePort();

    public int Count => _accepted.Count;

    /// <summary>Message-Id (the outbox id, "N" form) → when it was accepted.</summary>
    public IReadOnlyDictionary<string, DateTimeOffset> AcceptedAt => _accepted;

    public Task StartAsync()
    {
        var options = new SmtpServerOptionsBuilder().ServerName("localhost").Endpoint(e => e.Endpoint(new IPEndPoint(IPAddress.Loopback, Port))).Build();
        var services = new SmtpServer.ComponentModel.ServiceProvider();
        services.Add(new Store(_accepted));
        _server = new SmtpServer.SmtpServer(options, services).StartAsync(_stop.Token);
        return Task.CompletedTask;
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        try
        {
            await (_server ?? Task.CompletedTask);
        }
        catch (OperationCanceledException)
        {
        }

        _stop.Dispose();
    }

    private sealed class Store(ConcurrentDictionary<string, DateTimeOffset> accepted) : MessageStore
    {
        public override async Task<SmtpResponse> SaveAsync(
            ISessionContext context, IMessageTransaction transaction, ReadOnlySequence<byte> buffer, CancellationToken cancellationToken)
        {
            // Only the headers are parsed: the sink shares the two cores with the Api it measures,
            // and a full MIME parse of a thousand messages would be the bench's cost, not the Api's.
            var at = DateTimeOffset.UtcNow;
            using var stream = new MemoryStream(buffer.ToArray());
            var headers = await HeaderList.LoadAsync(stream, cancellationToken);
            var id = headers[HeaderId.MessageId]?.Trim('<', '>', ' ');
            accepted[(id ?? Guid.NewGuid().ToString("N")).Split('@')[0]] = at;
            return SmtpResponse.Ok;
        }
    }
}
