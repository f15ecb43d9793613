using CommunityOfPractice.Domain.Community;
using CommunityOfPractice.Domain.Journey;

namespace CommunityOfPractice.Api.Data;

/// <summary>
/// Where each organisation stands now in each place it has assessed, as the whole community may
/// see it: the last entry of its timeline of community-visible assessments there, corrections
/// applied (a funders-only or private correction hides what it corrects too). The directories are
/// read by everyone, so funders-only and private assessments never count here. Shared so the
/// People and Organisations areas read stages the same way.
/// </summary>
internal static class CommunityStages
{
    /// <summary>One organisation's current stage in one place.</summary>
    public sealed record Current(Guid OrganisationId, Guid PlaceId, FrameworkStage Stage, DateOnly AssessedOn);

    /// <summary>The current stages of the given organisations (all organisations when null), per place.</summary>
    public static async Task<IReadOnlyList<Current>> CurrentCommunityStagesAsync(
        this AppDbContext db, IReadOnlyCollection<Guid>? organisationIds, CancellationToken cancellationToken)
    {
        var assessments = db.StageAssessments.AsNoTracking();
        if (organisationIds is not null)
        {
            var ids = organisationIds.ToList();
            assessments = assessments.Where(a => ids.Contains(a.OrganisationId));
        }

        // Every visibility is read so that corrections chain; only community entries survive the timeline.
        var entries = await assessments
            .Select(a => new Entry(a.Id, a.CorrectsId, a.Stage, a.AssessedOn, a.RecordedAt, a.OrganisationId, a.PlaceId, a.Visibility))
            .ToListAsync(cancellationToken);

        return [.. entries.GroupBy(e => (e.OrganisationId, e.PlaceId))
            .Select(group => StageTimeline.Build(group, e => e.Visibility == AssessmentVisibility.Community))
            .Where(timeline => timeline.Count > 0)
            .Select(timeline => timeline[^1].Entry)
            .Select(e => new Current(e.OrganisationId, e.PlaceId, e.Stage, e.AssessedOn))];
    }

    /// <summary>The organisations whose current stage is <paramref name="stage"/> in at least one place (of <paramref name="placeIds"/>, when given).</summary>
    public static async Task<HashSet<Guid>> OrganisationsAtStageAsync(
        this AppDbContext db, FrameworkStage stage, IReadOnlySet<Guid>? placeIds, CancellationToken cancellationToken) =>
        [.. (await db.CurrentCommunityStagesAsync(null, cancellationToken))
            .Where(c => c.Stage == stage && (placeIds is null || placeIds.Contains(c.PlaceId)))
            .Select(c => c.OrganisationId)];

    private sealed record Entry(
        Guid Id, Guid? CorrectsId, FrameworkStage Stage, DateOnly AssessedOn, DateTimeOffset RecordedAt,
        Guid OrganisationId, Guid PlaceId, AssessmentVisibility Visibility) : IStageEntry;
}
