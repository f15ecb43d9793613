using CommunityOfPractice.Domain.Community;

namespace CommunityOfPractice.Api.Features.Portfolio;

/// <summary>
/// Writes the one row per member and target that a follow is. The table's key holds "once":
/// following twice, or two requests at the same moment, leave one row (the first date stays);
/// unfollowing what is not followed changes nothing.
/// </summary>
internal static class FollowRows
{
    public static Task SetAsync(this AppDbContext db, Caller caller, FollowTarget kind, Guid targetId, bool follow, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var row = Follow.Start(caller.Id, kind, targetId, now);
        var targetKind = row.TargetKind.ToString();
        return follow
            ? db.Database.ExecuteSqlAsync($"""
                INSERT INTO follows (member_id, target_kind, target_id, followed_at)
                VALUES ({row.MemberId}, {targetKind}, {row.TargetId}, {row.FollowedAt})
                ON CONFLICT (member_id, target_kind, target_id) DO NOTHING
                """, cancellationToken)
            : db.Database.ExecuteSqlAsync($"""
                DELETE FROM follows WHERE member_id = {row.MemberId} AND target_kind = {targetKind} AND target_id = {row.TargetId}
                """, cancellationToken);
    }
}
