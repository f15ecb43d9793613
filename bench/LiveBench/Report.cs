using System.Globalization;
using System.Text;

namespace CommunityOfPractice.LiveBench;

public sealed record RunReport(
    BenchOptions Options,
    string MachineDescription,
    DateTime StartedUtc,
    TimeSpan Elapsed,
    int EventBytes,
    (int Posts, TimeSpan Elapsed) Fill,
    IReadOnlyList<PageTiming> Pages,
    IReadOnlyList<ScenarioResult> Api,
    IReadOnlyList<ScenarioResult> Baseline,
    IReadOnlyDictionary<string, string> Capacities,
    IReadOnlyDictionary<string, long> RssBaselinesKb)
{
    /// <summary>Each target's rows in the order they ran: "Api" (JSON), "Api msgpack", "bare".</summary>
    public IEnumerable<(string Target, IReadOnlyList<ScenarioResult> Rows)> Series() =>
        Api.Concat(Baseline).GroupBy(r => r.Target).Select(g => (g.Key, (IReadOnlyList<ScenarioResult>)[.. g]));
}

/// <summary>The run's figures: a table for the terminal and a markdown block for docs/benchmarks.md.</summary>
public static class Report
{
    private static readonly CultureInfo _inv = CultureInfo.InvariantCulture;

    public static string Header =>
        "target      N  posts/s  copies/s   p50 ms   p95 ms   p99 ms   max ms  1st p95  missing  dup  reord  send p95  cpu srv  cpu cli  cpu pg  cpu oth  RSS MB  KB/conn  conn s  settle s";

    public static string Row(ScenarioResult r, TimeSpan duration) => string.Format(_inv,
        "{0,-6} {1,6} {2,8:0.0} {3,9:0} {4,8} {5,8} {6,8} {7,8} {8,8} {9,8} {10,4} {11,6} {12,9} {13,8:0.00} {14,8:0.00} {15,7:0.00} {16,8:0.00} {17,7:0} {18,8} {19,7:0.0} {20,9:0.0}",
        r.Target, r.Subscribers, r.Writes.Rate, r.DeliveredPerSecond(duration),
        Ms(r.Delivery.Latency.P50), Ms(r.Delivery.Latency.P95), Ms(r.Delivery.Latency.P99), Ms(r.Delivery.Latency.Max),
        Ms(r.Delivery.FirstCopy.P95), r.Delivery.Missing, r.Delivery.Duplicates, r.Delivery.Reordered, Ms(r.Writes.SendTime.P95),
        r.Cpu.Server, r.Cpu.Clients, r.Cpu.Postgres, r.Cpu.Other, r.RssIdleKb / 1024.0, Kb(r.KbPerConnection),
        r.ConnectTime.TotalSeconds, r.SettleTime.TotalSeconds);

    public static string Text(RunReport run)
    {
        var text = new StringBuilder();
        text.AppendLine(Header);
        foreach (var r in run.Api.Concat(run.Baseline))
        {
            text.AppendLine(Row(r, run.Options.Duration));
        }

        text.AppendLine();
        foreach (var line in Summary(run))
        {
            text.AppendLine("  " + line);
        }

        return text.ToString();
    }

    public static IEnumerable<string> Summary(RunReport run)
    {
        var o = run.Options;
        var at1000 = run.Api.FirstOrDefault(r => r.Subscribers == 1000 && r.Target == "Api");
        var bare1000 = run.Baseline.FirstOrDefault(r => r.Subscribers == 1000);
        if (at1000 is not null)
        {
            var p95 = at1000.Delivery.Latency.P95;
            yield return string.Format(_inv, "p95 at 1,000 subscribers, {0:0} posts/s: {1} ms (target ≤ 100 ms): {2}",
                o.Rate, Ms(p95), p95 <= 100 ? "met" : "MISSED");
        }

        var missing = run.Api.Sum(r => r.Delivery.Missing);
        var duplicates = run.Api.Sum(r => r.Delivery.Duplicates);
        var copies = run.Api.Sum(r => r.Delivery.ExpectedCopies);
        yield return string.Format(_inv, "lost / duplicated copies over all Api scenarios: {0} / {1} of {2:N0} (target 0 / 0): {3}",
            missing, duplicates, copies, missing == 0 && duplicates == 0 ? "met" : "MISSED");
        foreach (var r in run.Api.Concat(run.Baseline).Where(r => r.Delivery.Reordered > 0 || r.Delivery.Gaps > 0))
        {
            yield return string.Format(_inv,
                "{0} at {1:N0}: {2:N0} copies arrived after a higher number; a client following docs/live-protocol.md would have called Subscribe to catch up {3:N0} times ({4:0.0} per subscriber)",
                r.Target, r.Subscribers, r.Delivery.Reordered, r.Delivery.Gaps, r.Delivery.Gaps / (double)r.Subscribers);
        }

        foreach (var ours in run.Api)
        {
            var bare = run.Baseline.FirstOrDefault(b => b.Subscribers == ours.Subscribers);
            if (bare is not null && bare.Delivery.Latency.Count > 0 && ours.Delivery.Latency.Count > 0 && ours.Subscribers >= 100)
            {
                var ratio = ours.Delivery.Latency.P95 / bare.Delivery.Latency.P95;
                var isTarget = ours.Subscribers == 1000;
                yield return string.Format(_inv, "{0}: p95 ratio to the bare broadcast at {1:N0}: {2} / {3} ms = {4:0.0}×{5}",
                    ServerName(ours.Target), ours.Subscribers, Ms(ours.Delivery.Latency.P95), Ms(bare.Delivery.Latency.P95), ratio,
                    isTarget ? (ratio <= 1.3 ? " (target ≤ 1.3×): met" : " (target ≤ 1.3×): MISSED") : string.Empty);
            }
        }

        if (bare1000 is null && at1000 is not null && o.Baseline)
        {
            yield return "no bare broadcast at 1,000 to compare with";
        }

        if (o.Capacity)
        {
            yield return $"capacity (largest subscriber count whose p95 stayed ≤ {o.CapacityP95Ms:0} ms, steps of {o.CapacityStep:N0}, {o.Rate:0} posts/s): "
                + string.Join("; ", run.Capacities.Select(c => $"{ServerName(c.Key)} {c.Value}"));
        }

        // Memory per connection at the largest count each target ran, for the Api (each protocol) and the bare hub.
        foreach (var (target, rows) in run.Series())
        {
            var idle = rows.Where(r => r.KbPerConnection is not null).MaxBy(r => r.Subscribers);
            if (idle is not null)
            {
                yield return string.Format(_inv, "{0} memory: {1:0} MB resident with no subscriber, {2:0} MB with {3:N0} ({4:0.0} KB per connection)",
                    ServerName(target), run.RssBaselinesKb.GetValueOrDefault(target) / 1024.0, idle.RssIdleKb / 1024.0, idle.Subscribers, idle.KbPerConnection);
            }
        }

        foreach (var r in run.Api.Where(r => r.Resets > 0))
        {
            yield return $"{ServerName(r.Target)} at {r.Subscribers:N0}: {r.Resets:N0} subscribers were told to reset (too slow for their queue)";
        }

        var noisy = run.Api.Concat(run.Baseline).Where(r => r.Cpu.Other > 0.15).ToList();
        if (noisy.Count > 0)
        {
            yield return "WARNING: the machine was not quiet (\"CPU other\" above 0.15 cores) during: "
                + string.Join(", ", noisy.Select(r => string.Format(_inv, "{0} at {1:N0} ({2:0.00})", r.Target, r.Subscribers, r.Cpu.Other)))
                + "; those rows are pessimistic";
        }

        foreach (var r in run.Api.Concat(run.Baseline).Where(r => r.Delivery.MeasuredCopies > 0 && r.Subscribers >= 1000))
        {
            yield return string.Format(_inv, "{0} at {1:N0}: server CPU {2:0.0} µs per delivered copy; connecting took {3:0.0} s, then {4:0.0} s until the server was idle ({5:N0} presence messages)",
                r.Target, r.Subscribers, r.ServerMicrosPerCopy(o.Duration), r.ConnectTime.TotalSeconds, r.SettleTime.TotalSeconds, r.PresenceMessages);
        }

        foreach (var r in run.Api.Concat(run.Baseline).Where(r => r.ClosedConnections > 0))
        {
            yield return $"{r.Target} at {r.Subscribers:N0}: {r.ClosedConnections} connections closed during the scenario";
        }

        foreach (var page in run.Pages)
        {
            yield return page.Time.Count == 0
                ? $"{page.What}: {page.Note}"
                : string.Format(_inv, "{0}: p50 {1} ms, p95 {2} ms ({3})", page.What, Ms(page.Time.P50), Ms(page.Time.P95), page.Note);
        }

        yield return string.Format(_inv, "filling the thread: {0} posts by 8 concurrent writers in {1:0.0} s = {2:0} posts/s into one thread",
            run.Fill.Posts, run.Fill.Elapsed.TotalSeconds, run.Fill.Posts / run.Fill.Elapsed.TotalSeconds);
    }

    public static string Markdown(RunReport run)
    {
        var o = run.Options;
        var md = new StringBuilder();
        md.AppendLine(CultureInfo.InvariantCulture, $"### Live fan-out, {run.StartedUtc:yyyy-MM-dd HH:mm} UTC{(o.Quick ? " (quick)" : string.Empty)}");
        md.AppendLine();
        md.AppendLine(CultureInfo.InvariantCulture, $"- Command: `{o.Command}` (run time {run.Elapsed.TotalMinutes:0.0} min)");
        md.AppendLine(CultureInfo.InvariantCulture, $"- Machine: {run.MachineDescription}; Api, PostgreSQL, bare hub and every client on it, over loopback");
        md.AppendLine(string.Format(_inv,
            "- Load: {0:0} posts/s from {1} writers (open loop), {2:0} s warm-up + {3:0} s measured per row; every subscriber a SignalR client over WebSockets subscribed to the one thread (the Api's in {6}, the bare hub's in JSON); {4} members' tokens shared by the connections; event {5} bytes of JSON",
            o.Rate, o.Writers, o.Warmup.TotalSeconds, o.Duration.TotalSeconds, o.Members, run.EventBytes,
            string.Join(", then ", o.Protocols.Select(p => p == BenchProtocol.Json ? "JSON" : "MessagePack"))));
        if (o.ApiEnvironment.Count > 0)
        {
            md.AppendLine("- Api environment changed for this run: " + string.Join(", ", o.ApiEnvironment.Select(e => $"`{e.Key}={e.Value}`")));
        }

        md.AppendLine();
        md.AppendLine("| server | subscribers | posts/s | copies/s | p50 ms | p95 ms | p99 ms | max ms | lost | dup | reordered | POST p95 ms | CPU server | CPU clients | CPU PostgreSQL | CPU other | RSS MB | KB/conn |");
        md.AppendLine("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
        foreach (var r in run.Api.Concat(run.Baseline))
        {
            md.AppendLine(string.Format(_inv,
                "| {0} | {1:N0} | {2:0.0} | {3:N0} | {4} | {5} | {6} | {7} | {8} | {9} | {10} | {11} | {12:0.00} | {13:0.00} | {14:0.00} | {15:0.00} | {16:0} | {17} |",
                ServerName(r.Target), r.Subscribers, r.Writes.Rate, r.DeliveredPerSecond(o.Duration),
                Ms(r.Delivery.Latency.P50), Ms(r.Delivery.Latency.P95), Ms(r.Delivery.Latency.P99), Ms(r.Delivery.Latency.Max),
                r.Delivery.Missing, r.Delivery.Duplicates, r.Delivery.Reordered, Ms(r.Writes.SendTime.P95),
                r.Cpu.Server, r.Cpu.Clients, r.Cpu.Postgres, r.Cpu.Other, r.RssIdleKb / 1024.0, Kb(r.KbPerConnection)));
        }

        md.AppendLine();
        md.AppendLine("CPU columns are cores busy on average during the measured seconds (this machine has "
            + Environment.ProcessorCount.ToString(_inv) + "); \"POST p95\" is the writer's round trip (for the bare hub, its invocation); "
            + "RSS is the server process's resident memory once the subscribers are connected and idle; KB/conn is its growth since no subscriber, divided by the subscribers.");
        md.AppendLine();
        md.AppendLine("![p95 against subscribers](capacity.svg)");
        md.AppendLine();
        foreach (var line in Summary(run))
        {
            md.AppendLine("- " + line);
        }

        return md.ToString();
    }

    /// <summary>How a target is named in the report: "Api (JSON)", "Api (MessagePack)", "bare SignalR".</summary>
    public static string ServerName(string target) => target switch
    {
        "Api" => "Api (JSON)",
        "Api msgpack" => "Api (MessagePack)",
        _ => "bare SignalR",
    };

    private static string Ms(double value) => double.IsNaN(value) ? "-" : value.ToString(value < 10 ? "0.0" : "0", _inv);

    private static string Kb(double? value) => value is { } v ? v.ToString("0.0", _inv) : "-";
}
