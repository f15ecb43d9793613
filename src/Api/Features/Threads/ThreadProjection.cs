using CommunityOfPractice.Contracts.Common;
using CommunityOfPractice.Contracts.Threads;
using CommunityOfPractice.Domain.Discussions;

namespace CommunityOfPractice.Api.Features.Threads;

/// <summary>How a thread is read: a summary row for lists, and the detail with its stream's last number.</summary>
internal static class ThreadProjection
{
    public static IQueryable<ThreadSummary> Summaries(this AppDbContext db, IQueryable<DiscussionThread> threads, Guid? memberId) =>
        threads.Select(t => new ThreadSummary(
            t.Id,
            t.Title,
            new AuthorRef(t.AuthorId, db.Members.Where(m => m.Id == t.AuthorId).Select(m => m.DisplayName).First()),
            t.CreatedAt,
            t.LastActivityAt,
            t.PostCount - 1,
            t.PostCount,
            t.Hashtags,
            t.Places.OrderBy(p => p.Name).Select(p => new PlaceRef(p.Id, p.Name)).ToList(),
            t.Stage,
            t.IsPinned,
            t.IsLocked,
            db.ThreadReaders.Any(r => r.ThreadId == t.Id && r.MemberId == memberId && r.IsFollowing),
            db.ThreadReaders.Where(r => r.ThreadId == t.Id && r.MemberId == memberId).Select(r => r.LastReadNumber).FirstOrDefault(),
            t.PostCount - db.ThreadReaders.Where(r => r.ThreadId == t.Id && r.MemberId == memberId).Select(r => r.LastReadNumber).FirstOrDefault()));

    public static async Task<ThreadDetail?> DetailAsync(this AppDbContext db, Guid threadId, Caller reader, CancellationToken cancellationToken)
    {
        var summary = await db.Summaries(db.Threads.AsNoTracking().Where(t => t.Id == threadId), reader.MemberId)
            .SingleOrDefaultAsync(cancellationToken);
        if (summary is null)
        {
            return null;
        }

        var lastSeq = await db.LastSeqAsync(StreamNames.Thread(threadId), cancellationToken);
        return new ThreadDetail(
            summary.Id, summary.Title, summary.Author, summary.CreatedAt, summary.LastActivityAt, summary.ReplyCount, summary.PostCount,
            summary.Hashtags, summary.Places, summary.Stage, summary.IsPinned, summary.IsLocked, summary.IsFollowed,
            summary.LastReadNumber, summary.UnreadCount, lastSeq, reader.MayModerate);
    }
}
