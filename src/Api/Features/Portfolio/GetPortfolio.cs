using CommunityOfPractice.Contracts.Common;
using CommunityOfPractice.Contracts.Community;
using CommunityOfPractice.Contracts.Portfolio;
using CommunityOfPractice.Domain.Community;
using CommunityOfPractice.Domain.Journey;

namespace CommunityOfPractice.Api.Features.Portfolio;

/// <summary>
/// A member's portfolio: for each followed place (with the places inside it), the organisations
/// working there at their current stage and how they spread over the stages; for each followed
/// organisation, and each one working in a followed place, its movement over time in each place.
/// Everything is built from the assessments this member may read (<see cref="AssessmentReaders"/>),
/// after corrections are resolved, so no point of an unreadable assessment shows, nor the stage it moved from.
/// </summary>
public static class GetPortfolio
{
    public sealed record Query(Caller Caller) : IQuery<PortfolioView>;

    /// <summary>What a timeline needs of an assessment, and what deciding who may read it needs.</summary>
    private sealed record Entry(
        Guid Id, Guid? CorrectsId, FrameworkStage Stage, DateOnly AssessedOn, DateTimeOffset RecordedAt,
        Guid OrganisationId, Guid PlaceId, AssessmentVisibility Visibility, List<Guid> FunderIds) : IStageEntry;

    private sealed record Timeline(Guid OrganisationId, Guid PlaceId, IReadOnlyList<TimelineStep<Entry>> Steps);

    internal sealed class Handler(AppDbContext db) : IQueryHandler<Query, PortfolioView>
    {
        public async ValueTask<PortfolioView> Handle(Query query, CancellationToken cancellationToken)
        {
            var memberId = query.Caller.Id;
            var follows = await db.Follows.AsNoTracking().Where(f => f.MemberId == memberId)
                .Select(f => new { f.TargetKind, f.TargetId }).ToListAsync(cancellationToken);
            var tree = await PlaceTree.LoadAsync(db, cancellationToken);
            var places = tree.Places.ToDictionary(p => p.Id);

            var followedPlaces = follows.Where(f => f.TargetKind == FollowTarget.Place && places.ContainsKey(f.TargetId))
                .Select(f => places[f.TargetId]).OrderBy(p => p.Name, StringComparer.OrdinalIgnoreCase).ToList();
            var scopes = followedPlaces.ToDictionary(p => p.Id, p => tree.WithDescendants(p.Id));
            var inScope = scopes.Values.SelectMany(s => s).ToHashSet();
            var followedOrganisations = follows.Where(f => f.TargetKind == FollowTarget.Organisation).Select(f => f.TargetId).ToHashSet();

            var timelines = await TimelinesAsync(query.Caller, inScope, followedOrganisations, cancellationToken);
            var profiled = await ProfiledAsync(inScope, cancellationToken);

            var working = scopes.ToDictionary(
                s => s.Key,
                s => profiled.Where(p => s.Value.Contains(p.PlaceId)).Select(p => p.OrganisationId)
                    .Concat(timelines.Where(t => s.Value.Contains(t.PlaceId)).Select(t => t.OrganisationId))
                    .ToHashSet());
            var organisationIds = working.Values.SelectMany(w => w).Concat(followedOrganisations).ToHashSet();
            var ids = organisationIds.ToList();
            var organisations = await db.Organisations.AsNoTracking().Where(o => ids.Contains(o.Id))
                .Select(o => new { o.Id, o.Name, o.Slug }).ToDictionaryAsync(o => o.Id, cancellationToken);

            var portfolioPlaces = followedPlaces.Select(place =>
            {
                var there = working[place.Id].Where(organisations.ContainsKey)
                    .Select(id =>
                    {
                        var current = CurrentEntry(place.Id, timelines.Where(t => t.OrganisationId == id && scopes[place.Id].Contains(t.PlaceId)));
                        var o = organisations[id];
                        return new PortfolioPlaceOrganisation(o.Id, o.Name, o.Slug, current?.Stage, current?.AssessedOn);
                    })
                    .OrderBy(o => o.Name, StringComparer.OrdinalIgnoreCase).ThenBy(o => o.Id)
                    .ToList();
                var distribution = FrameworkStages.InOrder.Select(stage => new StageCount(stage, there.Count(o => o.CurrentStage == stage))).ToList();
                return new PortfolioPlace(place.Id, place.Name, place.Slug, distribution, there);
            }).ToList();

            var movement = organisations.Values
                .Select(o =>
                {
                    var followed = followedOrganisations.Contains(o.Id);
                    var journeys = timelines.Where(t => t.OrganisationId == o.Id && (followed || inScope.Contains(t.PlaceId)))
                        .Select(t => new PortfolioJourney(
                            new PlaceRef(t.PlaceId, places.TryGetValue(t.PlaceId, out var p) ? p.Name : "A place no longer listed"),
                            [.. t.Steps.Select(s => new StagePoint(s.Entry.AssessedOn, s.Entry.Stage, s.MovedFrom))]))
                        .OrderBy(j => j.Place.Name, StringComparer.OrdinalIgnoreCase)
                        .ToList();
                    return new PortfolioOrganisation(o.Id, o.Name, o.Slug, followed, journeys);
                })
                .Where(o => o.IsFollowed || o.Journeys.Count > 0)
                .OrderBy(o => o.Name, StringComparer.OrdinalIgnoreCase).ThenBy(o => o.Id)
                .ToList();

            return new PortfolioView(portfolioPlaces, movement);
        }

        /// <summary>
        /// The readable timelines of the organisations in the followed places and of the followed
        /// organisations, one per organisation and place. Every visibility is read so that
        /// corrections chain correctly; the reading rule is applied by the timeline.
        /// </summary>
        private async Task<List<Timeline>> TimelinesAsync(
            Caller caller, IReadOnlySet<Guid> placeIds, IReadOnlySet<Guid> organisationIds, CancellationToken cancellationToken)
        {
            var places = placeIds.ToList();
            var organisations = organisationIds.ToList();
            var readers = await db.ApprovedOrganisationsOfAsync(caller, cancellationToken);
            var entries = await db.StageAssessments.AsNoTracking()
                .Where(a => places.Contains(a.PlaceId) || organisations.Contains(a.OrganisationId))
                .Select(a => new Entry(a.Id, a.CorrectsId, a.Stage, a.AssessedOn, a.RecordedAt, a.OrganisationId, a.PlaceId, a.Visibility, a.FunderIds))
                .ToListAsync(cancellationToken);

            return [.. entries.GroupBy(e => (e.OrganisationId, e.PlaceId))
                .Select(g => new Timeline(g.Key.OrganisationId, g.Key.PlaceId,
                    StageTimeline.Build(g, e => readers.MayRead(e.Visibility, e.OrganisationId, e.FunderIds))))
                .Where(t => t.Steps.Count > 0)];
        }

        /// <summary>The organisations that say in their profile that they work in these places.</summary>
        private async Task<List<(Guid PlaceId, Guid OrganisationId)>> ProfiledAsync(IReadOnlySet<Guid> placeIds, CancellationToken cancellationToken)
        {
            var ids = placeIds.ToList();
            var pairs = await db.Organisations.AsNoTracking()
                .SelectMany(o => o.Places.Where(p => ids.Contains(p.Id)).Select(p => new { PlaceId = p.Id, OrganisationId = o.Id }))
                .ToListAsync(cancellationToken);
            return [.. pairs.Select(p => (p.PlaceId, p.OrganisationId))];
        }

        /// <summary>As on the place's page: the place's own timeline wins; without one, the most recent of the places inside it.</summary>
        private static Entry? CurrentEntry(Guid placeId, IEnumerable<Timeline> timelines)
        {
            var lasts = timelines.Select(t => t.Steps[^1].Entry).ToList();
            return lasts.FirstOrDefault(e => e.PlaceId == placeId)
                ?? lasts.OrderByDescending(e => e.AssessedOn).ThenByDescending(e => e.RecordedAt).FirstOrDefault();
        }
    }
}
