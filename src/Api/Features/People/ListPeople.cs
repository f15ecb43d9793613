using System.Text;
using CommunityOfPractice.Api.Infrastructure.Validation;
using CommunityOfPractice.Contracts.Community;
using Microsoft.AspNetCore.WebUtilities;

namespace CommunityOfPractice.Api.Features.People;

/// <summary>
/// The admin's list of people, by name, with keyset pagination: the cursor is the last row's
/// (name, id), so page 100 costs what page 1 costs.
/// </summary>
public static class ListPeople
{
    public const int DefaultLimit = 50;
    public const int MaxLimit = 200;

    public sealed record Query(string? Search, string? After, int? Limit) : IQuery<PeoplePage>;

    public sealed class Validator : AbstractValidator<Query>
    {
        public Validator()
        {
            RuleFor(q => q.Limit).PageLimit(MaxLimit, "people");
            RuleFor(q => q.Search).MaximumLength(100).WithMessage("Search for at most 100 characters.");
            RuleFor(q => q.After).Must(after => Cursor.TryRead(after, out _)).When(q => q.After is not null)
                .WithMessage("This page link is not valid; start from the first page.");
        }
    }

    internal sealed class Handler(AppDbContext db, TimeProvider clock) : IQueryHandler<Query, PeoplePage>
    {
        public async ValueTask<PeoplePage> Handle(Query query, CancellationToken cancellationToken)
        {
            var limit = query.Limit ?? DefaultLimit;
            var members = db.Members.AsNoTracking().Where(m => m.ErasedAt == null);
            if (!string.IsNullOrWhiteSpace(query.Search))
            {
                var pattern = $"%{EscapeLike(query.Search.Trim())}%";
                members = members.Where(m => EF.Functions.ILike(m.DisplayName, pattern, "\\")
                    || db.Users.Any(u => u.Id == m.Id && EF.Functions.ILike(u.Email!, pattern, "\\")));
            }

            if (Cursor.TryRead(query.After, out var after) && after is { } position)
            {
                members = members.Where(m => string.Compare(m.DisplayName, position.Name) > 0
                    || (m.DisplayName == position.Name && m.Id.CompareTo(position.Id) > 0));
            }

            var now = clock.GetUtcNow();
            // The account joined once for its email, lockout and suspension, not one subquery each.
            var rows = await members
                .Join(db.Users, m => m.Id, u => u.Id, (m, u) => new { Member = m, User = u })
                .OrderBy(x => x.Member.DisplayName).ThenBy(x => x.Member.Id)
                .Take(limit + 1)
                .Select(x => new Person(
                    x.Member.Id,
                    x.User.Email!,
                    x.Member.DisplayName,
                    x.Member.Organisation == null ? null : x.Member.Organisation.Name,
                    db.UserRoles.Where(ur => ur.UserId == x.Member.Id)
                        .Join(db.Roles, ur => ur.RoleId, r => r.Id, (_, r) => r.Name!)
                        .OrderBy(name => name).ToList(),
                    x.Member.JoinedAt,
                    x.User.LockoutEnd != null && x.User.LockoutEnd > now,
                    x.User.SuspensionReason))
                .ToListAsync(cancellationToken);

            var next = rows.Count > limit ? Cursor.Write(rows[limit - 1].DisplayName, rows[limit - 1].Id) : null;
            return new PeoplePage(rows.Take(limit).ToList(), next);
        }

        private static string EscapeLike(string text) =>
            text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("%", "\\%", StringComparison.Ordinal).Replace("_", "\\_", StringComparison.Ordinal);
    }

    internal static class Cursor
    {
        public static string Write(string name, Guid id) =>
            WebEncoders.Base64UrlEncode(Encoding.UTF8.GetBytes($"{id:N}{name}"));

        public static bool TryRead(string? cursor, out (string Name, Guid Id)? position)
        {
            position = null;
            if (string.IsNullOrEmpty(cursor))
            {
                return true;
            }

            try
            {
                var text = Encoding.UTF8.GetString(WebEncoders.Base64UrlDecode(cursor));
                if (text.Length < 32 || !Guid.TryParseExact(text[..32], "N", out var id))
                {
                    return false;
                }

                position = (text[32..], id);
                return true;
            }
            catch (FormatException)
            {
                return false;
            }
        }
    }
}
