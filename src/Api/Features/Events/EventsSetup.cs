using CommunityOfPractice.Api.Features.Events.Qa;

namespace CommunityOfPractice.Api.Features.Events;

public static class EventsSetup
{
    /// <summary>Who may read the Q&amp;A streams, what every moderation action shares, the vote totals coalesced per stream (one update per window, not one per vote), and the reminders' worker.</summary>
    public static void AddEvents(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddScoped<IStreamPolicy, QaStreamPolicy>();
        services.AddScoped<QuestionModeration>();
        services.Configure<VoteTotalsOptions>(builder.Configuration.GetSection("Live:VoteTotalsCoalescer"));
        services.AddSingleton<VoteTotalsCoalescer>();
        services.AddHostedService(provider => provider.GetRequiredService<VoteTotalsCoalescer>());
        services.AddOptions<EventReminderOptions>().BindConfiguration(EventReminderOptions.Section);
        services.AddHostedService<EventReminderWorker>();
    }
}
