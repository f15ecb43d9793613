using CommunityOfPractice.Domain.Community;
using CommunityOfPractice.Domain.Events;
using CommunityOfPractice.Domain.Journey;
using CommunityOfPractice.Domain.Library;

namespace CommunityOfPractice.Api.Features.Places;

/// <summary>What a timeline needs of an assessment, read without the narrative or evidence.</summary>
internal sealed record AssessmentEntry(
    Guid Id, Guid? CorrectsId, FrameworkStage Stage, DateOnly AssessedOn, DateTimeOffset RecordedAt,
    Guid OrganisationId, Guid PlaceId, AssessmentVisibility Visibility) : IStageEntry;

/// <summary>
/// The reading rules and queries the place pages share. A place page is read by anyone, so it
/// follows the rules of the areas it gathers from: threads, events and the directory are for
/// approved members; papers by their visibility; and only assessments shared with the
/// community ever count towards an organisation's stage here (never funders-only or private ones).
/// </summary>
internal static class PlaceProjection
{
    /// <summary>Threads and events are members-only everywhere else, so here too.</summary>
    public static bool SeesMembersOnlyContent(this Caller caller) => caller.IsMember;

    public static IQueryable<LearningPaper> ReadablePapers(this AppDbContext db, Caller caller) =>
        caller.SeesMembersOnlyContent() ? db.Papers.AsNoTracking() : db.Papers.AsNoTracking().Where(p => p.Visibility == PaperVisibility.Public);

    /// <summary>Events anyone who reads the place's events may see: never drafts.</summary>
    public static IQueryable<CommunityEvent> ShownEvents(this AppDbContext db) =>
        db.Events.AsNoTracking().Where(e => e.Status != EventStatus.Draft);

    /// <summary>
    /// Which organisations work in which places: those that say so in their profile, and those
    /// that shared an assessment of a place with the community.
    /// </summary>
    public static async Task<List<(Guid PlaceId, Guid OrganisationId)>> OrganisationPlacesAsync(
        this AppDbContext db, IReadOnlySet<Guid>? placeIds, CancellationToken cancellationToken)
    {
        var ids = placeIds?.ToList();
        var profiled = db.Organisations.AsNoTracking().SelectMany(o => o.Places.Select(p => new { PlaceId = p.Id, OrganisationId = o.Id }));
        var assessed = db.StageAssessments.AsNoTracking().Where(a => a.Visibility == AssessmentVisibility.Community)
            .Select(a => new { a.PlaceId, a.OrganisationId });
        if (ids is not null)
        {
            profiled = profiled.Where(x => ids.Contains(x.PlaceId));
            assessed = assessed.Where(x => ids.Contains(x.PlaceId));
        }

        var pairs = await profiled.Union(assessed).ToListAsync(cancellationToken);
        return [.. pairs.Select(p => (p.PlaceId, p.OrganisationId))];
    }

    /// <summary>
    /// Each organisation's current stage in the place, and the moves between stages that led
    /// there: read from its community-visible timelines (corrections applied, so a correction the
    /// reader may not see hides what it corrects too). For a borough, the borough's own timeline
    /// wins for the current stage; without one, the most recent of its neighbourhoods' does. The
    /// moves come from every timeline in the place and the places inside it, newest first.
    /// </summary>
    public static async Task<PlaceStages> StagesAsync(
        this AppDbContext db, Guid placeId, IReadOnlySet<Guid> placeIds, IReadOnlyCollection<Guid> organisationIds, CancellationToken cancellationToken)
    {
        var ids = placeIds.ToList();
        var orgs = organisationIds.ToList();

        // Every visibility is read, so that corrections chain correctly; only community entries survive the timeline.
        var entries = await db.StageAssessments.AsNoTracking()
            .Where(a => ids.Contains(a.PlaceId) && orgs.Contains(a.OrganisationId))
            .Select(a => new AssessmentEntry(a.Id, a.CorrectsId, a.Stage, a.AssessedOn, a.RecordedAt, a.OrganisationId, a.PlaceId, a.Visibility))
            .ToListAsync(cancellationToken);

        var current = new Dictionary<Guid, AssessmentEntry>();
        var moves = new List<TimelineStep<AssessmentEntry>>();
        foreach (var organisation in entries.GroupBy(e => e.OrganisationId))
        {
            var timelines = organisation.GroupBy(e => e.PlaceId)
                .Select(place => StageTimeline.Build(place, e => e.Visibility == AssessmentVisibility.Community))
                .Where(timeline => timeline.Count > 0)
                .ToList();
            moves.AddRange(timelines.SelectMany(timeline => timeline.Where(step => step.IsMove)));
            var lasts = timelines.Select(timeline => timeline[^1].Entry).ToList();
            var chosen = lasts.FirstOrDefault(e => e.PlaceId == placeId)
                ?? lasts.OrderByDescending(e => e.AssessedOn).ThenByDescending(e => e.RecordedAt).FirstOrDefault();
            if (chosen is not null)
            {
                current[organisation.Key] = chosen;
            }
        }

        return new PlaceStages(current, [.. moves.OrderByDescending(m => m.Entry.AssessedOn).ThenByDescending(m => m.Entry.RecordedAt)]);
    }
}

/// <summary>Where the organisations of a place stand now (by organisation), and their moves there, newest first.</summary>
internal sealed record PlaceStages(IReadOnlyDictionary<Guid, AssessmentEntry> Current, IReadOnlyList<TimelineStep<AssessmentEntry>> Moves);
