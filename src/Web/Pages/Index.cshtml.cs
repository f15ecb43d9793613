using CommunityOfPractice.Contracts.Events;
using CommunityOfPractice.Contracts.Community;
using CommunityOfPractice.Contracts.Threads;
using CommunityOfPractice.Domain.Community;

namespace CommunityOfPractice.Web.Pages;

public sealed class IndexModel(ApiClient api) : PageModel
{
    // The framework as the domain describes it, for when the Api cannot be asked.
    private static readonly IReadOnlyList<StageView> _fallbackStages =
        [.. FrameworkStages.InOrder.Select(s => new StageView(s, (int)s, s.Describe()))];

    public IReadOnlyList<StageView> Stages { get; private set; } = [];

    /// <summary>The five most recently active threads, for signed-in members (the Api shows threads to members only).</summary>
    public IReadOnlyList<ThreadSummary> LatestThreads { get; private set; } = [];

    /// <summary>The next three published events, for signed-in members (the Api lists events to members).</summary>
    public IReadOnlyList<EventSummary> UpcomingEvents { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var stages = api.GetStagesAsync(cancellationToken);
        var events = User.Identity?.IsAuthenticated == true ? api.GetEventsAsync(past: false, cancellationToken) : null;
        var threads = User.Identity?.IsAuthenticated == true
            ? api.ListThreadsAsync(new ThreadFilter(null, null, null, false, null), 5, cancellationToken)
            : null;
        var stageList = await stages;
        Stages = stageList.Succeeded && stageList.Value.Count > 0 ? [.. stageList.Value.OrderBy(s => s.Order)] : _fallbackStages;
        if (threads is not null && await threads is { Succeeded: true } latest)
        {
            LatestThreads = latest.Value.Items;
        }

        if (events is not null && await events is { Succeeded: true } upcoming)
        {
            UpcomingEvents = [.. upcoming.Value.Where(e => e.Status == Domain.Events.EventStatus.Published).OrderBy(e => e.StartsAt).Take(3)];
        }
    }
}
