using CommunityOfPractice.Api.Notifications;
using CommunityOfPractice.Contracts.Notifications;
using CommunityOfPractice.Domain.Notifications;

namespace CommunityOfPractice.Api.Features.Notifications;

/// <summary>
/// Marks some of the member's notifications read, or all of them, and tells the member's other
/// open pages (their bells) on "member:{id}". Ids that are not the member's are ignored.
/// </summary>
public static class MarkNotificationsRead
{
    public const int MaxIds = 100;

    public sealed record Command(Caller Caller, IReadOnlyList<Guid>? Ids, bool All) : ICommand<UnreadCount>, ITransactional;

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(c => c.Ids).Must(ids => ids is { Count: > 0 }).When(c => !c.All)
                .WithMessage("Name the notifications to mark read, or mark them all.");
            RuleFor(c => c.Ids!.Count).LessThanOrEqualTo(MaxIds).When(c => c.Ids is not null).OverridePropertyName("ids")
                .WithMessage($"Mark at most {MaxIds} notifications at a time, or mark them all.");
        }
    }

    internal sealed class Handler(AppDbContext db, LiveStreams live, TimeProvider clock) : ICommandHandler<Command, UnreadCount>
    {
        public async ValueTask<UnreadCount> Handle(Command command, CancellationToken cancellationToken)
        {
            var memberId = command.Caller.Id;
            var now = clock.GetUtcNow();

            // The counter's row first, as the fan-out takes it: then the count below sees every
            // notification committed before it, and the two cannot deadlock.
            await db.Database.ExecuteSqlAsync(
                $"INSERT INTO notification_inboxes (member_id, unread) VALUES ({memberId}, 0) ON CONFLICT DO NOTHING", cancellationToken);
            await db.Database.ExecuteSqlAsync(
                $"SELECT 1 FROM notification_inboxes WHERE member_id = {memberId} FOR UPDATE", cancellationToken);

            var unread = db.Set<Notification>().Where(n => n.MemberId == memberId && n.ReadAt == null);
            if (!command.All)
            {
                unread = unread.Where(n => command.Ids!.Contains(n.Id));
            }

            var ids = await unread.Select(n => n.Id).ToListAsync(cancellationToken);
            await unread.ExecuteUpdateAsync(s => s.SetProperty(n => n.ReadAt, now), cancellationToken);
            var counted = await db.Database.SqlQuery<int>($"""
                UPDATE notification_inboxes
                SET unread = (SELECT count(*) FROM notifications WHERE member_id = {memberId} AND read_at IS NULL)
                WHERE member_id = {memberId}
                RETURNING unread AS "Value"
                """).ToListAsync(cancellationToken);

            var left = counted.Single();
            if (ids.Count > 0)
            {
                await live.AppendAsync(StreamNames.Member(memberId), MemberStreamEvents.Read,
                    new NotificationsRead(command.All ? [] : ids, command.All, left), cancellationToken);
            }

            return new UnreadCount(left);
        }
    }
}
