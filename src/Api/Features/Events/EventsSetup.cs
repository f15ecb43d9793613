using CommunityOfPractice.Api.Features.Qa;
using CommunityOfPractice.Api.Live;

namespace CommunityOfPractice.Api.Features.Events;

public static class EventsSetup
{
    /// <summary>Who may read the Q&amp;A streams, and the vote totals coalesced per stream (one update per window, not one per vote).</summary>
    public static void AddEvents(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddScoped<IStreamPolicy, QaStreamPolicy>();
        services.Configure<VoteTotalsOptions>(builder.Configuration.GetSection("Live:VoteTotals"));
        services.AddSingleton<VoteTotals>();
        services.AddHostedService(provider => provider.GetRequiredService<VoteTotals>());
    }
}
