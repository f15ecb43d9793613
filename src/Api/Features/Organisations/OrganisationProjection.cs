using CommunityOfPractice.Contracts.Common;
using CommunityOfPractice.Contracts.Community;
using CommunityOfPractice.Domain.Community;
using CommunityOfPractice.Domain.Events;
using CommunityOfPractice.Domain.Journey;
using CommunityOfPractice.Domain.Library;

namespace CommunityOfPractice.Api.Features.Organisations;

/// <summary>
/// An organisation's page as one reader may see it, and assessments as the wire shows them.
/// The journey is built by <see cref="StageTimeline"/> from the whole history, with what the
/// reader may not see left out after corrections are resolved.
/// </summary>
internal static class OrganisationProjection
{
    public static async Task<OrganisationDetail?> DetailBySlugOrIdAsync(
        this AppDbContext db, string slugOrId, Caller caller, TimeProvider clock, CancellationToken cancellationToken)
    {
        var organisations = db.Organisations.AsNoTracking().Include(o => o.Places);
        var slug = slugOrId.ToLowerInvariant();
        var organisation = Guid.TryParse(slugOrId, out var id)
            ? await organisations.SingleOrDefaultAsync(o => o.Id == id, cancellationToken)
            : await organisations.SingleOrDefaultAsync(o => o.Slug == slug, cancellationToken);
        return organisation is null ? null : await db.DetailAsync(organisation, caller, clock, cancellationToken);
    }

    public static async Task<OrganisationDetail> DetailAsync(
        this AppDbContext db, Guid organisationId, Caller caller, TimeProvider clock, CancellationToken cancellationToken)
    {
        var organisation = await db.Organisations.AsNoTracking().Include(o => o.Places)
            .SingleAsync(o => o.Id == organisationId, cancellationToken);
        return await db.DetailAsync(organisation, caller, clock, cancellationToken);
    }

    /// <summary>How many upcoming and how many past hosted events the page lists.</summary>
    public const int MaxEvents = 50;

    private static async Task<OrganisationDetail> DetailAsync(
        this AppDbContext db, Organisation organisation, Caller caller, TimeProvider clock, CancellationToken cancellationToken)
    {
        var memberships = await db.OrganisationMemberships.AsNoTracking()
            .Where(m => m.OrganisationId == organisation.Id && m.Status != MembershipStatus.Declined)
            .Join(db.Members, m => m.MemberId, p => p.Id, (m, p) => new { m.MemberId, m.Status, m.IsAdmin, m.ClaimedAt, p.DisplayName })
            .OrderBy(m => m.DisplayName)
            .ToListAsync(cancellationToken);
        var readersOrganisations = await db.ApprovedOrganisationsOfAsync(caller, cancellationToken);
        var isOrgAdmin = memberships.Any(m => caller.Is(m.MemberId) && m.IsAdmin && m.Status == MembershipStatus.Approved);
        var mayEdit = isOrgAdmin || caller.IsAdmin;
        var mayDecideClaims = isOrgAdmin || caller.MayModerate;
        var me = caller.MemberId;
        var mine = me is null ? null : await db.OrganisationMemberships.AsNoTracking()
            .Where(m => m.OrganisationId == organisation.Id && m.MemberId == me)
            .Select(m => (MembershipStatus?)m.Status).SingleOrDefaultAsync(cancellationToken);

        var assessments = await db.StageAssessments.AsNoTracking().Where(a => a.OrganisationId == organisation.Id).ToListAsync(cancellationToken);
        var journey = await db.JourneyAsync(assessments, readersOrganisations, cancellationToken);

        var papers = await db.Papers.AsNoTracking()
            .Where(p => p.OrganisationId == organisation.Id && (caller.IsMember || p.Visibility == PaperVisibility.Public))
            .OrderByDescending(p => p.PublishedOn).ThenBy(p => p.Title)
            .Select(p => new NamedRef(p.Id, p.Title))
            .ToListAsync(cancellationToken);

        // Events are for members, as on the events and place pages: a visitor gets none.
        var (upcoming, past) = caller.IsSignedIn
            ? await db.HostedEventsAsync(organisation.Id, clock.GetUtcNow(), cancellationToken)
            : ([], []);

        AuthorRef Ref(Guid id, string name) => new(id, name);
        var approved = memberships.Where(m => m.Status == MembershipStatus.Approved).ToList();
        return new OrganisationDetail(
            organisation.Id,
            organisation.Name,
            organisation.Slug,
            organisation.Kind,
            organisation.Website,
            organisation.DescriptionHtml,
            mayEdit ? organisation.DescriptionMarkdown : null,
            organisation.IsVerified,
            [.. organisation.Places.OrderBy(p => p.Name).Select(p => new PlaceRef(p.Id, p.Name))],
            [.. approved.Where(m => m.IsAdmin).Select(m => Ref(m.MemberId, m.DisplayName))],
            [.. approved.Where(m => !m.IsAdmin).Select(m => Ref(m.MemberId, m.DisplayName))],
            mayDecideClaims ? [.. memberships.Where(m => m.Status == MembershipStatus.Pending).OrderBy(m => m.ClaimedAt).Select(m => Ref(m.MemberId, m.DisplayName))] : [],
            journey,
            papers,
            mayEdit,
            readersOrganisations.Contains(organisation.Id),
            upcoming,
            past,
            mayDecideClaims,
            mine);
    }

    /// <summary>
    /// The events the organisation hosts, as the events area shows them to anyone: never drafts
    /// (those are for their hosts, on the events pages), cancelled ones kept and marked. Upcoming
    /// soonest first until they end; past latest first.
    /// </summary>
    private static async Task<(IReadOnlyList<HostedEvent> Upcoming, IReadOnlyList<HostedEvent> Past)> HostedEventsAsync(
        this AppDbContext db, Guid organisationId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var hosted = db.Events.AsNoTracking().Where(e => e.HostOrganisationId == organisationId && e.Status != EventStatus.Draft);
        var upcoming = await hosted.Where(e => e.EndsAt > now).OrderBy(e => e.StartsAt).ThenBy(e => e.Id).Take(MaxEvents)
            .Select(e => new HostedEvent(e.Id, e.Title, e.Kind, e.Status, e.StartsAt, e.EndsAt, e.TimeZone))
            .ToListAsync(cancellationToken);
        var past = await hosted.Where(e => e.EndsAt <= now).OrderByDescending(e => e.StartsAt).ThenBy(e => e.Id).Take(MaxEvents)
            .Select(e => new HostedEvent(e.Id, e.Title, e.Kind, e.Status, e.StartsAt, e.EndsAt, e.TimeZone))
            .ToListAsync(cancellationToken);
        return (upcoming, past);
    }

    /// <summary>One timeline per place, in the places' name order, of only what the reader may see.</summary>
    private static async Task<IReadOnlyList<PlaceJourney>> JourneyAsync(
        this AppDbContext db, IReadOnlyList<StageAssessment> assessments, IReadOnlySet<Guid> readersOrganisations, CancellationToken cancellationToken)
    {
        var names = await db.NamesAsync(assessments, cancellationToken);
        var journey = new List<PlaceJourney>();
        foreach (var place in assessments.GroupBy(a => a.PlaceId))
        {
            var timeline = StageTimeline.Build(place, readersOrganisations.MayRead);
            if (timeline.Count == 0)
            {
                continue;
            }

            journey.Add(new PlaceJourney(
                names.Place(place.Key),
                StageTimeline.CurrentStage(timeline),
                [.. timeline.Select(step => new TimelineStepView(step.Entry.ToView(names), step.MovedFrom, step.Mark, step.IsTheMoveThatMattersMost))]));
        }

        return [.. journey.OrderBy(j => j.Place.Name, StringComparer.OrdinalIgnoreCase)];
    }

    public static async Task<AssessmentView> AssessmentViewAsync(this AppDbContext db, StageAssessment assessment, CancellationToken cancellationToken) =>
        assessment.ToView(await db.NamesAsync([assessment], cancellationToken));

    private static AssessmentView ToView(this StageAssessment a, Names names) => new(
        a.Id,
        a.OrganisationId,
        names.Place(a.PlaceId),
        a.Stage,
        a.AssessedOn,
        a.SummaryHtml,
        a.Visibility,
        a.Method,
        a.SuggestedStage,
        [.. a.Evidence.Select(e => new EvidenceView(e.Kind, e.TargetId, e.Url))],
        [.. a.AgreedByIds.Select(names.Member)],
        a.CorrectsId,
        a.RecordedAt);

    private static async Task<Names> NamesAsync(this AppDbContext db, IReadOnlyCollection<StageAssessment> assessments, CancellationToken cancellationToken)
    {
        var placeIds = assessments.Select(a => a.PlaceId).Distinct().ToList();
        var memberIds = assessments.SelectMany(a => a.AgreedByIds).Distinct().ToList();
        var places = await db.Places.AsNoTracking().Where(p => placeIds.Contains(p.Id)).ToDictionaryAsync(p => p.Id, p => p.Name, cancellationToken);
        var members = await db.Members.AsNoTracking().Where(m => memberIds.Contains(m.Id)).ToDictionaryAsync(m => m.Id, m => m.DisplayName, cancellationToken);
        return new Names(places, members);
    }

    private sealed record Names(IReadOnlyDictionary<Guid, string> Places, IReadOnlyDictionary<Guid, string> Members)
    {
        public PlaceRef Place(Guid id) => new(id, Places.GetValueOrDefault(id, "A place no longer listed"));

        public AuthorRef Member(Guid id) => new(id, Members.GetValueOrDefault(id, "A former member"));
    }
}
