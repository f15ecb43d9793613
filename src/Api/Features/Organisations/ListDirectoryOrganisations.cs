using CommunityOfPractice.Api.Infrastructure.Validation;
using CommunityOfPractice.Contracts.Community;
using CommunityOfPractice.Domain.Community;
using CommunityOfPractice.Domain.Journey;
using FluentValidation.Results;

namespace CommunityOfPractice.Api.Features.Organisations;

/// <summary>
/// The directory of organisations (/organisations), by name, each with its kind, places,
/// verified badge and current stage in each place. Anyone may read it, as anyone may read an
/// organisation's page; so a stage here comes only from assessments shared with the community.
/// Filters: <see cref="Query.Place"/> (a slug; a borough includes its neighbourhoods) matches
/// organisations that work there (their profile says so, or they shared an assessment of it);
/// <see cref="Query.Stage"/> matches a current stage in that place (or one inside it), or in any
/// place without a place filter; <see cref="Query.Kind"/>; <see cref="Query.Verified"/> (admins
/// look for the unverified). Keyset pagination over (name, id).
/// </summary>
public static class ListDirectoryOrganisations
{
    public const int DefaultLimit = 50;
    public const int MaxLimit = 100;
    public const int SearchMaxLength = 100;

    public sealed record Query(
        string? Place = null, string? Stage = null, string? Kind = null, bool? Verified = null,
        string? Q = null, string? After = null, int? Limit = null) : IQuery<DirectoryOrganisationsPage>;

    public sealed class Validator : AbstractValidator<Query>
    {
        public Validator()
        {
            RuleFor(q => q.Limit).PageLimit(MaxLimit, "organisations");
            RuleFor(q => q.Q).MaximumLength(SearchMaxLength).WithMessage($"Search for at most {SearchMaxLength} characters.");
            RuleFor(q => q.Stage).Must(EnumText.IsValid<FrameworkStage>).WithMessage("Choose one of the five framework stages.");
            RuleFor(q => q.Kind).Must(EnumText.IsValid<OrganisationKind>).WithMessage("Choose a kind of organisation from the list.");
            RuleFor(q => q.After).Must(after => NameCursor.TryRead(after, out _)).WithMessage(NameCursor.Invalid);
        }
    }

    internal sealed class Handler(AppDbContext db) : IQueryHandler<Query, DirectoryOrganisationsPage>
    {
        public async ValueTask<DirectoryOrganisationsPage> Handle(Query query, CancellationToken cancellationToken)
        {
            var limit = query.Limit ?? DefaultLimit;
            EnumText.TryRead<FrameworkStage>(query.Stage, out var stage);
            EnumText.TryRead<OrganisationKind>(query.Kind, out var kind);

            var organisations = db.Organisations.AsNoTracking();
            if (!string.IsNullOrWhiteSpace(query.Q))
            {
                var pattern = LikePattern.Contains(query.Q);
                organisations = organisations.Where(o => EF.Functions.ILike(o.Name, pattern, LikePattern.Escape));
            }

            IReadOnlySet<Guid>? placeIds = null;
            if (!string.IsNullOrWhiteSpace(query.Place))
            {
                placeIds = await db.ApprovedPlaceWithDescendantsAsync(query.Place, cancellationToken)
                    ?? throw new ValidationException([new ValidationFailure(nameof(Query.Place), "Choose a place from the list.")]);
                var ids = placeIds.ToList();
                organisations = organisations.Where(o => o.Places.Any(p => ids.Contains(p.Id))
                    || db.StageAssessments.Any(a => a.OrganisationId == o.Id && a.Visibility == AssessmentVisibility.Community && ids.Contains(a.PlaceId)));
            }

            if (kind is { } k)
            {
                organisations = organisations.Where(o => o.Kind == k);
            }

            if (query.Verified is { } verified)
            {
                organisations = organisations.Where(o => o.IsVerified == verified);
            }

            if (stage is { } s)
            {
                var atStage = (await db.OrganisationsAtStageAsync(s, placeIds, cancellationToken)).ToList();
                organisations = organisations.Where(o => atStage.Contains(o.Id));
            }

            if (NameCursor.TryRead(query.After, out var after) && after is { } position)
            {
                organisations = organisations.Where(o => string.Compare(o.Name, position.Name) > 0
                    || (o.Name == position.Name && o.Id.CompareTo(position.Id) > 0));
            }

            var rows = await organisations
                .OrderBy(o => o.Name).ThenBy(o => o.Id)
                .Take(limit + 1)
                .Select(o => new
                {
                    o.Id,
                    o.Name,
                    o.Slug,
                    o.Kind,
                    o.IsVerified,
                    Places = o.Places.Where(p => p.IsApproved).OrderBy(p => p.Name).Select(p => new PlaceLink(p.Id, p.Name, p.Slug, p.Kind)).ToList(),
                })
                .ToListAsync(cancellationToken);
            var page = rows.Take(limit).ToList();

            var stages = await db.CurrentCommunityStagesAsync([.. page.Select(o => o.Id)], cancellationToken);
            var stagePlaceIds = stages.Select(c => c.PlaceId).Distinct().ToList();
            var places = await db.Places.AsNoTracking().Where(p => stagePlaceIds.Contains(p.Id) && p.IsApproved)
                .ToDictionaryAsync(p => p.Id, p => new PlaceLink(p.Id, p.Name, p.Slug, p.Kind), cancellationToken);
            var byOrganisation = stages.Where(c => places.ContainsKey(c.PlaceId)).ToLookup(c => c.OrganisationId);

            var next = rows.Count > limit ? NameCursor.Write(page[^1].Name, page[^1].Id) : null;
            return new DirectoryOrganisationsPage(
                [.. page.Select(o => new DirectoryOrganisation(
                    o.Id, o.Name, o.Slug, o.Kind, o.IsVerified, o.Places,
                    [.. byOrganisation[o.Id].Select(c => new PlaceStage(places[c.PlaceId], c.Stage, c.AssessedOn)).OrderBy(p => p.Place.Name, StringComparer.OrdinalIgnoreCase)]))],
                next);
        }
    }
}
