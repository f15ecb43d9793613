using CommunityOfPractice.Contracts.Common;
using CommunityOfPractice.Contracts.Community;
using CommunityOfPractice.Domain.Community;
using CommunityOfPractice.Domain.Discussions;

namespace CommunityOfPractice.Api.Features.Places;

/// <summary>
/// A place's page: everything tagged to it and to the places inside it, the organisations
/// working there at their current stage, the members who chose to be listed, and how the
/// organisations spread over the stages. One stage filter narrows threads, events, papers and
/// organisations at once. What a reader sees follows the rules of the areas it comes from (see
/// <see cref="PlaceProjection"/>).
/// </summary>
public static class GetPlace
{
    public const int MaxItems = 20;
    public const int MaxMembers = 100;

    /// <summary><see cref="Stage"/> is the query string's text, so that an unknown stage is a 400 on the field, not a binding error.</summary>
    public sealed record Query(Caller Caller, string Slug, string? Stage) : IQuery<PlaceDetail>;

    public sealed class Validator : AbstractValidator<Query>
    {
        public Validator()
        {
            RuleFor(q => q.Stage).Must(stage => TryReadStage(stage, out _))
                .WithMessage("Choose one of the five framework stages.");
        }
    }

    /// <summary>A stage by its name (any case); numbers are not names.</summary>
    public static bool TryReadStage(string? text, out FrameworkStage? stage)
    {
        stage = null;
        if (string.IsNullOrWhiteSpace(text))
        {
            return true;
        }

        if (!char.IsLetter(text.Trim()[0]) || !Enum.TryParse<FrameworkStage>(text.Trim(), ignoreCase: true, out var parsed) || !Enum.IsDefined(parsed))
        {
            return false;
        }

        stage = parsed;
        return true;
    }

    internal sealed class Handler(AppDbContext db, TimeProvider clock) : IQueryHandler<Query, PlaceDetail>
    {
        public async ValueTask<PlaceDetail> Handle(Query query, CancellationToken cancellationToken)
        {
            TryReadStage(query.Stage, out var stage);
            var tree = await PlaceTree.LoadAsync(db, cancellationToken);
            var place = tree.Find(query.Slug) ?? throw new NotFoundException("There is no such place.");
            var placeIds = tree.WithDescendants(place.Id);
            var ids = placeIds.ToList();

            // Read before the page, so that nothing appended meanwhile falls between the page and the stream.
            var lastSeq = await db.LastSeqAsync(StreamNames.Place(place.Id), cancellationToken);

            var members = query.Caller.SeesMembersOnlyContent();
            var now = clock.GetUtcNow();
            var (organisations, distribution, moves) = await OrganisationsAsync(tree, place.Id, placeIds, stage, cancellationToken);
            return new PlaceDetail(
                place.Id, place.Name, place.Slug, place.Kind,
                tree.Parent(place)?.Link,
                [.. tree.Children(place).Select(c => c.Link)],
                stage,
                members ? await ThreadsAsync(ids, stage, cancellationToken) : [],
                members ? await EventsAsync(ids, stage, e => e.EndsAt > now, upcoming: true, cancellationToken) : [],
                members ? await EventsAsync(ids, stage, e => e.EndsAt <= now, upcoming: false, cancellationToken) : [],
                await PapersAsync(ids, stage, query.Caller, cancellationToken),
                organisations,
                members ? await MembersAsync(ids, cancellationToken) : [],
                distribution,
                moves,
                SignInForMore: !members,
                lastSeq);
        }

        private async Task<IReadOnlyList<PlaceThread>> ThreadsAsync(List<Guid> ids, FrameworkStage? stage, CancellationToken cancellationToken)
        {
            var threads = db.Threads.AsNoTracking().Where(t => t.Places.Any(p => ids.Contains(p.Id)));
            if (stage is { } s)
            {
                threads = threads.Where(t => t.Stage == s);
            }

            return await threads.OrderByDescending(t => t.LastActivityAt).ThenByDescending(t => t.Id).Take(MaxItems)
                .Select(t => new PlaceThread(t.Id, t.Title, t.Stage, t.PostCount, t.LastActivityAt))
                .ToListAsync(cancellationToken);
        }

        private async Task<IReadOnlyList<PlaceEvent>> EventsAsync(
            List<Guid> ids, FrameworkStage? stage, System.Linq.Expressions.Expression<Func<Domain.Events.CommunityEvent, bool>> when,
            bool upcoming, CancellationToken cancellationToken)
        {
            var events = db.ShownEvents().Where(e => e.Places.Any(p => ids.Contains(p.Id))).Where(when);
            if (stage is { } s)
            {
                events = events.Where(e => e.Stage == s);
            }

            events = upcoming
                ? events.OrderBy(e => e.StartsAt).ThenBy(e => e.Id)
                : events.OrderByDescending(e => e.StartsAt).ThenBy(e => e.Id);
            return await events.Take(MaxItems)
                .Select(e => new PlaceEvent(e.Id, e.Title, e.Kind, e.Status, e.StartsAt, e.EndsAt, e.TimeZone, e.Stage))
                .ToListAsync(cancellationToken);
        }

        private async Task<IReadOnlyList<PlacePaper>> PapersAsync(List<Guid> ids, FrameworkStage? stage, Caller caller, CancellationToken cancellationToken)
        {
            var papers = db.ReadablePapers(caller).Where(p => p.Places.Any(pl => ids.Contains(pl.Id)));
            if (stage is { } s)
            {
                papers = papers.Where(p => p.Stages.Contains(s));
            }

            return await papers.OrderByDescending(p => p.PublishedOn).ThenByDescending(p => p.Id).Take(MaxItems)
                .Select(p => new PlacePaper(p.Id, p.Title, p.Type, p.PublishedOn, p.Stages))
                .ToListAsync(cancellationToken);
        }

        private async Task<(IReadOnlyList<PlaceOrganisation>, IReadOnlyList<StageCount>, IReadOnlyList<PlaceMove>)> OrganisationsAsync(
            PlaceTree tree, Guid placeId, IReadOnlySet<Guid> placeIds, FrameworkStage? stage, CancellationToken cancellationToken)
        {
            var organisationIds = (await db.OrganisationPlacesAsync(placeIds, cancellationToken)).Select(t => t.OrganisationId).Distinct().ToList();
            var organisations = await db.Organisations.AsNoTracking().Where(o => organisationIds.Contains(o.Id))
                .OrderBy(o => o.Name).ThenBy(o => o.Id)
                .Select(o => new { o.Id, o.Name, o.Slug, o.Kind, o.IsVerified })
                .ToListAsync(cancellationToken);
            var stages = await db.StagesAsync(placeId, placeIds, organisationIds, cancellationToken);
            var current = stages.Current;

            var all = organisations.Select(o =>
            {
                var entry = current.GetValueOrDefault(o.Id);
                return new PlaceOrganisation(o.Id, o.Name, o.Slug, o.Kind, o.IsVerified, entry?.Stage, entry?.AssessedOn);
            }).ToList();
            var distribution = FrameworkStages.InOrder.Select(s => new StageCount(s, all.Count(o => o.CurrentStage == s))).ToList();
            var named = organisations.ToDictionary(o => o.Id);
            var moves = stages.Moves
                .Where(m => stage is null || m.Entry.Stage == stage || m.MovedFrom == stage)
                .Where(m => named.ContainsKey(m.Entry.OrganisationId) && tree.Find(m.Entry.PlaceId) is not null)
                .Take(MaxItems)
                .Select(m => new PlaceMove(
                    m.Entry.OrganisationId, named[m.Entry.OrganisationId].Name, named[m.Entry.OrganisationId].Slug, tree.Find(m.Entry.PlaceId)!.Link,
                    m.MovedFrom!.Value, m.Entry.Stage, m.Entry.AssessedOn, m.IsTheMoveThatMattersMost))
                .ToList();
            return (stage is { } only ? [.. all.Where(o => o.CurrentStage == only)] : all, distribution, moves);
        }

        private async Task<IReadOnlyList<ListedMember>> MembersAsync(List<Guid> ids, CancellationToken cancellationToken)
        {
            var listed = await db.Members.AsNoTracking()
                .Where(m => m.IsApproved && m.Listing.IsListed && m.Listing.ShowPlaces && m.Places.Any(p => ids.Contains(p.Id)))
                .OrderBy(m => m.DisplayName).ThenBy(m => m.Id).Take(MaxMembers)
                .Select(m => new
                {
                    m.Id,
                    m.DisplayName,
                    Organisation = m.Listing.ShowOrganisation && m.Organisation != null ? new NamedRef(m.Organisation.Id, m.Organisation.Name) : null,
                    Bio = m.Listing.ShowBio ? m.Bio : null,
                })
                .ToListAsync(cancellationToken);
            return [.. listed.Select(m => new ListedMember(m.Id, m.DisplayName, Mentions.Handle(m.DisplayName), m.Organisation, m.Bio))];
        }
    }
}
