using CommunityOfPractice.Api.Notifications;
using CommunityOfPractice.Contracts.Notifications;
using CommunityOfPractice.Domain.Notifications;
using Microsoft.Extensions.Options;

namespace CommunityOfPractice.Api.Features.Notifications;

/// <summary>Every kind of notification with the member's choice for it (or the default), and where mail goes.</summary>
public static class GetNotificationSettings
{
    public sealed record Query(Caller Caller) : IQuery<NotificationSettingsView>;

    internal sealed class Handler(AppDbContext db, IOptions<NotificationOptions> options) : IQueryHandler<Query, NotificationSettingsView>
    {
        public async ValueTask<NotificationSettingsView> Handle(Query query, CancellationToken cancellationToken) =>
            await db.NotificationSettingsAsync(query.Caller.Id, options.Value, cancellationToken);
    }

    internal static async Task<NotificationSettingsView> NotificationSettingsAsync(
        this AppDbContext db, Guid memberId, NotificationOptions options, CancellationToken cancellationToken)
    {
        var chosen = await db.Set<NotificationPreference>().AsNoTracking().Where(p => p.MemberId == memberId)
            .ToDictionaryAsync(p => p.Kind, p => p.Delivery, cancellationToken);
        var email = await db.Users.Where(u => u.Id == memberId).Select(u => u.Email).SingleOrDefaultAsync(cancellationToken);
        var choices = Enum.GetValues<NotificationKind>()
            .Select(kind => chosen.TryGetValue(kind, out var delivery)
                ? new NotificationChoice(kind, delivery, delivery == NotificationDefaults.For(kind))
                : new NotificationChoice(kind, NotificationDefaults.For(kind), IsDefault: true))
            .ToList();
        return new NotificationSettingsView(choices, email, options.DigestAt.ToString("HH:mm"));
    }
}
