using CommunityOfPractice.Api.Infrastructure.Validation;
using CommunityOfPractice.Contracts.Community;
using CommunityOfPractice.Domain.Community;
using CommunityOfPractice.Domain.Discussions;
using FluentValidation.Results;

namespace CommunityOfPractice.Api.Features.People;

/// <summary>
/// The directory of people (/people): approved members who chose to be listed, by name, each
/// with only the details they chose to show. Filters only ever match what a member shows, so a
/// filter cannot reveal what they keep to themselves: <see cref="Query.Place"/> (a place's slug;
/// a borough includes its neighbourhoods) matches members who show their places;
/// <see cref="Query.Organisation"/> (a slug), <see cref="Query.Kind"/> and <see cref="Query.Stage"/>
/// match members who show their organisation. Stage means the member's organisation's current
/// stage, from community-visible assessments, in the filtered place (or one inside it), or in any
/// place without a place filter. Keyset pagination over (name, id).
/// </summary>
public static class ListDirectoryPeople
{
    public const int DefaultLimit = 50;
    public const int MaxLimit = 100;
    public const int SearchMaxLength = 100;

    public sealed record Query(
        string? Place = null, string? Stage = null, string? Kind = null, string? Organisation = null,
        string? Q = null, string? After = null, int? Limit = null) : IQuery<DirectoryMembersPage>;

    public sealed class Validator : AbstractValidator<Query>
    {
        public Validator()
        {
            RuleFor(q => q.Limit).PageLimit(MaxLimit, "people");
            RuleFor(q => q.Q).MaximumLength(SearchMaxLength).WithMessage($"Search for at most {SearchMaxLength} characters.");
            RuleFor(q => q.Stage).Must(EnumText.IsValid<FrameworkStage>).WithMessage("Choose one of the five framework stages.");
            RuleFor(q => q.Kind).Must(EnumText.IsValid<OrganisationKind>).WithMessage("Choose a kind of organisation from the list.");
            RuleFor(q => q.After).Must(after => NameCursor.TryRead(after, out _)).WithMessage(NameCursor.Invalid);
        }
    }

    internal sealed class Handler(AppDbContext db) : IQueryHandler<Query, DirectoryMembersPage>
    {
        public async ValueTask<DirectoryMembersPage> Handle(Query query, CancellationToken cancellationToken)
        {
            var limit = query.Limit ?? DefaultLimit;
            EnumText.TryRead<FrameworkStage>(query.Stage, out var stage);
            EnumText.TryRead<OrganisationKind>(query.Kind, out var kind);
            var failures = new List<ValidationFailure>();

            var members = db.Members.AsNoTracking().Where(m => m.IsApproved && m.Listing.IsListed);
            if (!string.IsNullOrWhiteSpace(query.Q))
            {
                var pattern = LikePattern.Contains(query.Q);
                members = members.Where(m => EF.Functions.ILike(m.DisplayName, pattern, LikePattern.Escape));
            }

            IReadOnlySet<Guid>? placeIds = null;
            if (!string.IsNullOrWhiteSpace(query.Place))
            {
                placeIds = await db.ApprovedPlaceWithDescendantsAsync(query.Place, cancellationToken);
                if (placeIds is null)
                {
                    failures.Add(new(nameof(Query.Place), "Choose a place from the list."));
                }
                else
                {
                    var ids = placeIds.ToList();
                    members = members.Where(m => m.Listing.ShowPlaces && m.Places.Any(p => ids.Contains(p.Id)));
                }
            }

            if (!string.IsNullOrWhiteSpace(query.Organisation))
            {
                var slug = query.Organisation.Trim().ToLowerInvariant();
                var organisationId = await db.Organisations.Where(o => o.Slug == slug).Select(o => (Guid?)o.Id).SingleOrDefaultAsync(cancellationToken);
                if (organisationId is null)
                {
                    failures.Add(new(nameof(Query.Organisation), "Choose an organisation from the list."));
                }
                else
                {
                    members = members.Where(m => m.Listing.ShowOrganisation && m.OrganisationId == organisationId);
                }
            }

            if (failures.Count > 0)
            {
                throw new ValidationException(failures);
            }

            if (kind is { } k)
            {
                members = members.Where(m => m.Listing.ShowOrganisation && m.Organisation != null && m.Organisation.Kind == k);
            }

            if (stage is { } s)
            {
                var atStage = (await db.OrganisationsAtStageAsync(s, placeIds, cancellationToken)).ToList();
                members = members.Where(m => m.Listing.ShowOrganisation && m.OrganisationId != null && atStage.Contains(m.OrganisationId.Value));
            }

            if (NameCursor.TryRead(query.After, out var after) && after is { } position)
            {
                members = members.Where(m => string.Compare(m.DisplayName, position.Name) > 0
                    || (m.DisplayName == position.Name && m.Id.CompareTo(position.Id) > 0));
            }

            var rows = await members
                .OrderBy(m => m.DisplayName).ThenBy(m => m.Id)
                .Take(limit + 1)
                .Select(m => new
                {
                    m.Id,
                    m.DisplayName,
                    Organisation = m.Listing.ShowOrganisation && m.Organisation != null
                        ? new OrganisationLink(m.Organisation.Id, m.Organisation.Name, m.Organisation.Slug)
                        : null,
                    Places = m.Listing.ShowPlaces
                        ? m.Places.Where(p => p.IsApproved).OrderBy(p => p.Name).Select(p => new PlaceLink(p.Id, p.Name, p.Slug, p.Kind)).ToList()
                        : null,
                    Bio = m.Listing.ShowBio ? m.Bio : null,
                })
                .ToListAsync(cancellationToken);

            var next = rows.Count > limit ? NameCursor.Write(rows[limit - 1].DisplayName, rows[limit - 1].Id) : null;
            return new DirectoryMembersPage(
                [.. rows.Take(limit).Select(m => new DirectoryMember(m.Id, m.DisplayName, Mentions.Handle(m.DisplayName), m.Organisation, m.Places, m.Bio))],
                next);
        }
    }
}
