namespace CommunityOfPractice.Api.Notifications;

/// <summary>How notifications are gathered into emails (<c>Notifications:*</c>).</summary>
public sealed class NotificationOptions
{
    public const string Section = "Notifications";

    /// <summary>Off, nothing is queued: for the benchmark's baseline, not for a community.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>How often the fan-out and the mailer look for work queued by other instances.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>
    /// How long news about one thing (a reply to a busy thread) waits before it is fanned out, so
    /// that what arrives meanwhile about the same thing goes out with it in one pass: the cost of a
    /// busy thread follows the passes, not the replies. Other news goes at once.
    /// </summary>
    public TimeSpan GatherFor { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>
    /// A busy thread gives each member one email per window: the first reply goes at once, the
    /// rest of the window's replies together in one email when it ends.
    /// </summary>
    public TimeSpan EmailWindow { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>When the daily digest goes out, in <see cref="TimeZone"/>; the weekly one goes on Mondays at the same time.</summary>
    public TimeOnly DigestAt { get; set; } = new(7, 0);

    public string TimeZone { get; set; } = "Europe/London";

    /// <summary>
    /// The length of a digest period, when not a day and a week: a demo or a test can see the
    /// "next digest" in minutes. Periods then start at whole multiples of the length (UTC).
    /// </summary>
    public TimeSpan? DailyDigestEvery { get; set; }

    public TimeSpan? WeeklyDigestEvery { get; set; }
}

/// <summary>Wakes the mailer after a fan-out here (it also polls).</summary>
public sealed class NotificationMailSignal : WakeSignal;
