using CommunityOfPractice.Domain.Notifications;

namespace CommunityOfPractice.Api.Notifications;

/// <summary>
/// When digest periods start: each day at <see cref="NotificationOptions.DigestAt"/> in the
/// community's time zone (so 07:00 stays 07:00 across the clocks changing), and each Monday at
/// that time for the weekly one; or every <see cref="NotificationOptions.DailyDigestEvery"/> when set.
/// </summary>
public static class DigestSchedule
{
    /// <summary>The start of the period <paramref name="now"/> is in: the digest of what came before it is due.</summary>
    public static DateTimeOffset PeriodStart(NotificationDelivery delivery, DateTimeOffset now, NotificationOptions options)
    {
        var every = delivery == NotificationDelivery.Weekly ? options.WeeklyDigestEvery : options.DailyDigestEvery;
        if (every is { Ticks: > 0 } length)
        {
            return new DateTimeOffset(now.UtcTicks - (now.UtcTicks % length.Ticks), TimeSpan.Zero);
        }

        var zone = TimeZoneInfo.FindSystemTimeZoneById(options.TimeZone);
        var local = TimeZoneInfo.ConvertTime(now, zone).DateTime;
        var start = local.Date + options.DigestAt.ToTimeSpan();
        if (start > local)
        {
            start = start.AddDays(-1);
        }

        if (delivery == NotificationDelivery.Weekly)
        {
            start = start.AddDays(-(((int)start.DayOfWeek + 6) % 7)); // back to Monday
        }

        return new DateTimeOffset(start, zone.GetUtcOffset(start));
    }
}
