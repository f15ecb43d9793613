using CommunityOfPractice.Api.Infrastructure.Audit;
using CommunityOfPractice.Contracts.Audit;
using CommunityOfPractice.Contracts.Common;

namespace CommunityOfPractice.Api.Features.Audit;

/// <summary>
/// Admins read the audit log newest first, a page at a time (<see cref="Query.Before"/> is the
/// last id of the page before), for one person (who acted or whom it concerned) and one action.
/// Names are read at the time of asking, so a deleted account shows as "Former member".
/// </summary>
public static class ListAuditEntries
{
    public const int DefaultLimit = 50;
    public const int MaxLimit = 100;

    public sealed record Query(Guid? Person, string? Action, Guid? Before, int? Limit) : IQuery<AuditPage>;

    public sealed class Validator : AbstractValidator<Query>
    {
        public Validator()
        {
            RuleFor(q => q.Action).Must(action => AuditActions.All.Contains(action)).When(q => !string.IsNullOrEmpty(q.Action))
                .WithMessage($"Action must be one of: {string.Join(", ", AuditActions.All)}.");
            RuleFor(q => q.Limit).InclusiveBetween(1, MaxLimit).When(q => q.Limit is not null)
                .WithMessage($"Ask for 1 to {MaxLimit} entries at a time.");
        }
    }

    internal sealed class Handler(AppDbContext db) : IQueryHandler<Query, AuditPage>
    {
        public async ValueTask<AuditPage> Handle(Query query, CancellationToken cancellationToken)
        {
            var limit = query.Limit ?? DefaultLimit;
            var entries = db.Set<AuditEntry>().AsNoTracking();
            if (query.Person is { } person)
            {
                entries = entries.Where(e => e.ActorId == person || e.SubjectId == person);
            }

            if (!string.IsNullOrEmpty(query.Action))
            {
                entries = entries.Where(e => e.Action == query.Action);
            }

            if (query.Before is { } before)
            {
                // The cursor is the last entry of the page before; an id that is not one starts from the newest.
                var at = await db.Set<AuditEntry>().Where(e => e.Id == before).Select(e => (DateTimeOffset?)e.OccurredAt).SingleOrDefaultAsync(cancellationToken);
                if (at is { } time)
                {
                    entries = entries.Where(e => e.OccurredAt < time || (e.OccurredAt == time && e.Id.CompareTo(before) < 0));
                }
            }

            var rows = await entries
                .OrderByDescending(e => e.OccurredAt).ThenByDescending(e => e.Id)
                .Take(limit + 1)
                .Select(e => new AuditEntryView(
                    e.Id,
                    e.OccurredAt,
                    e.ActorId == null ? null : db.Members.Where(m => m.Id == e.ActorId).Select(m => new NamedRef(m.Id, m.DisplayName)).FirstOrDefault(),
                    e.SubjectId == null ? null : db.Members.Where(m => m.Id == e.SubjectId).Select(m => new NamedRef(m.Id, m.DisplayName)).FirstOrDefault(),
                    e.Action,
                    e.Details))
                .ToListAsync(cancellationToken);
            var next = rows.Count > limit ? rows[limit - 1].Id.ToString() : null;
            return new AuditPage([.. rows.Take(limit)], next, AuditActions.All);
        }
    }
}
