using CommunityOfPractice.Domain.Community;
using CommunityOfPractice.Domain.Notifications;
using Microsoft.Extensions.Options;

namespace CommunityOfPractice.Api.Notifications;

/// <summary>
/// The one way a use case tells people that something happened. It writes a
/// <see cref="NotificationJob"/> into the caller's unit of work, so the notification is committed
/// with its cause or not at all; the fan-out (NotificationFanOut) then turns it into each
/// recipient's notification, bell update and email, in one transaction of its own, exactly once.
/// The caller decides who may be told (who may read the thing): the job only drops people who
/// turned this kind off, who are no longer members when <see cref="NotificationAudience.Members"/>,
/// and the actor.
/// </summary>
public sealed class Notifier(AppDbContext db, NotificationSignal signal, IOptions<NotificationOptions> options, TimeProvider clock)
{
    public void Notify(NotificationKind kind, IEnumerable<Guid> recipients, NotificationMessage message, Guid? actor = null)
    {
        var members = recipients.Where(id => id != actor).Distinct().ToArray();
        if (members.Length == 0 || !options.Value.Enabled)
        {
            return;
        }

        Enqueue(NotificationJob.For(kind, members, message, clock.GetUtcNow()));
    }

    /// <summary>
    /// Tells of post <paramref name="postNumber"/> everyone following the thread when the job is
    /// fanned out who has not read that far by then, and <paramref name="alsoTell"/>, but not
    /// <paramref name="except"/> or the actor. The followers are read by the fan-out, so the
    /// cause's transaction writes one small row however many follow.
    /// </summary>
    public void NotifyThreadFollowers(
        NotificationKind kind, Guid threadId, int postNumber, IEnumerable<Guid> alsoTell, IEnumerable<Guid> except, NotificationMessage message, Guid? actor = null)
    {
        if (!options.Value.Enabled)
        {
            return;
        }

        Guid[] excluded = [.. except.Append(actor ?? Guid.Empty).Where(id => id != Guid.Empty).Distinct()];
        Guid[] members = [.. alsoTell.Except(excluded)];
        Enqueue(NotificationJob.For(kind, members, message, clock.GetUtcNow(), (threadId, postNumber), excluded));
    }

    private void Enqueue(NotificationJob job)
    {
        db.Set<NotificationJob>().Add(job);

        // Early is harmless: the fan-out finds nothing until the caller commits, and polls anyway.
        signal.Wake();
    }

    /// <summary>Tells the members who follow any of these places (the places a thing arrived in, with their enclosing places).</summary>
    public async Task NotifyPlaceFollowersAsync(IReadOnlyCollection<Guid> placeIds, NotificationMessage message, Guid actor, CancellationToken cancellationToken)
    {
        if (!options.Value.Enabled)
        {
            return;
        }

        var followers = await db.Follows.AsNoTracking()
            .Where(f => f.TargetKind == FollowTarget.Place && placeIds.Contains(f.TargetId))
            .Select(f => f.MemberId).Distinct().ToListAsync(cancellationToken);
        Notify(NotificationKind.PlaceActivity, followers, message, actor);
    }

    /// <summary>
    /// What was said about a thing that may no longer be read (a post hidden or removed) is
    /// replaced, under the bell and in jobs not yet fanned out, and its emails not yet queued are
    /// not sent: a notification never shows what its reader may not read.
    /// </summary>
    public async Task WithdrawAsync(string link, string replacement, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        await db.Database.ExecuteSqlAsync(
            $"UPDATE notification_jobs SET text = {replacement} WHERE link = {link}", cancellationToken);
        await db.Database.ExecuteSqlAsync(
            $"UPDATE notifications SET text = {replacement}, emailed_at = COALESCE(emailed_at, {now}) WHERE link = {link}", cancellationToken);
    }

    /// <summary>A short plain-text excerpt of Markdown, for a notification's text.</summary>
    public static string Excerpt(string markdown, int length = 200)
    {
        var plain = string.Join(' ', Markdig.Markdown.ToPlainText(markdown).Split((char[])[' ', '\n', '\r', '\t'], StringSplitOptions.RemoveEmptyEntries));
        return plain.Length <= length ? plain : string.Concat(plain.AsSpan(0, length - 1).TrimEnd(), "…");
    }
}

/// <summary>
/// What the recipients are told. <see cref="Link"/> is a path on the Web. <see cref="GroupKey"/>
/// names the thing (e.g. "thread:{id}"): while a member has not read what they were told about
/// it, the next message about it is counted into that notification, whose title becomes the count
/// followed by <see cref="CountedTitle"/> ("5" + " new replies in …"); a flood about one thing is
/// one item under the bell and one email per window.
/// <see cref="Calendar"/>, for event news, is an iCalendar file attached to its email.
/// </summary>
public sealed record NotificationMessage(string Title, string Text, string Link)
{
    public string? GroupKey { get; init; }

    public string? CountedTitle { get; init; }

    public NotificationAudience Audience { get; init; } = NotificationAudience.Members;

    public string? Calendar { get; init; }
}

/// <summary>Who may still be told when the job runs: approved members only (the default), or anyone signed in (an applicant hears their join decision).</summary>
public enum NotificationAudience
{
    Members = 1,
    Accounts = 2,
}

/// <summary>Wakes the fan-out when a job is queued on this instance (it also polls, for jobs queued by others).</summary>
public sealed class NotificationSignal : WakeSignal;
