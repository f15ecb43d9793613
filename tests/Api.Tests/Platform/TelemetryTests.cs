namespace CommunityOfPractice.Api.Tests.Platform;

/// <summary>The platform's figures are on the Prometheus scrape endpoint, ours beside ASP.NET Core's.</summary>
[Collection(ApiCollection.Name)]
public sealed class TelemetryTests(ApiFactory api)
{
    [Fact]
    public async Task Metrics_are_scraped_at_metrics_with_events_appended_and_sent_and_the_outbox_waiting()
    {
        var member = await Community.JoinAsync(api.CreateClient);
        var thread = await ThreadsApi.StartAsync(member.Client);
        await ThreadsApi.ReplyAsync(member.Client, thread.Id, "Counted");

        // The exporter keeps a scrape for a moment: ask until one shows the send.
        var text = await Eventually.ReadsAsync(
            () => api.CreateClient().GetStringAsync("/metrics"),
            scraped => scraped.Contains("cop_live_events_sent_total", StringComparison.Ordinal),
            scraped => $"no cop_live_events_sent_total in {scraped.Length} characters of metrics", TimeSpan.FromSeconds(15));

        Assert.Matches(@"cop_live_events_appended_total\{[^}]*\} [1-9]", text);
        Assert.Contains("cop_live_send_lag_milliseconds_bucket", text, StringComparison.Ordinal);
        Assert.Contains("http_server_request_duration_seconds", text, StringComparison.Ordinal);
    }
}
