using System.Globalization;
using CommunityOfPractice.Contracts.Notifications;
using CommunityOfPractice.Domain.Notifications;

namespace CommunityOfPractice.Api.Features.Notifications;

/// <summary>The member's notifications, newest first, a page at a time (keyset: page 50 costs what page 1 costs).</summary>
public static class ListNotifications
{
    public const int DefaultLimit = 20;
    public const int MaxLimit = 100;

    public sealed record Query(Caller Caller, string? Before, int? Limit, bool UnreadOnly = false) : IQuery<NotificationPage>;

    public sealed class Validator : AbstractValidator<Query>
    {
        public Validator()
        {
            RuleFor(q => q.Before).Must(before => NameCursor.TryRead(before, out var at) && (at is null || long.TryParse(at.Value.Name, out _)))
                .WithMessage(NameCursor.Invalid);
            RuleFor(q => q.Limit).InclusiveBetween(1, MaxLimit).When(q => q.Limit is not null)
                .WithMessage($"Ask for between 1 and {MaxLimit} notifications at a time.");
        }
    }

    internal sealed class Handler(AppDbContext db) : IQueryHandler<Query, NotificationPage>
    {
        public async ValueTask<NotificationPage> Handle(Query query, CancellationToken cancellationToken)
        {
            var memberId = query.Caller.Id;
            var limit = query.Limit ?? DefaultLimit;
            var notifications = db.Set<Notification>().AsNoTracking().Where(n => n.MemberId == memberId);
            if (query.UnreadOnly)
            {
                notifications = notifications.Where(n => n.ReadAt == null);
            }

            if (NameCursor.TryRead(query.Before, out var before) && before is var (ticks, id))
            {
                var at = new DateTimeOffset(long.Parse(ticks, CultureInfo.InvariantCulture), TimeSpan.Zero);
                notifications = notifications.Where(n => n.CreatedAt < at || (n.CreatedAt == at && n.Id.CompareTo(id) < 0));
            }

            var items = await notifications.OrderByDescending(n => n.CreatedAt).ThenByDescending(n => n.Id)
                .Take(limit + 1).Views().ToListAsync(cancellationToken);
            var next = items.Count > limit
                ? NameCursor.Write(items[limit - 1].CreatedAt.UtcTicks.ToString(CultureInfo.InvariantCulture), items[limit - 1].Id)
                : null;
            return new NotificationPage(items.Take(limit).ToList(), await db.UnreadAsync(memberId, cancellationToken), next);
        }
    }
}
