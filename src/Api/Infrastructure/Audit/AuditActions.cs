namespace CommunityOfPractice.Api.Infrastructure.Audit;

/// <summary>
/// The names of what the audit log records, in one list so the admin page can offer them as a
/// filter and every area writes the same words. Suspension is named ahead of the use case that
/// will record it.
/// </summary>
public static class AuditActions
{
    public const string PostHidden = "post.hidden";
    public const string PostShown = "post.shown";
    public const string ThreadLocked = "thread.locked";
    public const string ThreadUnlocked = "thread.unlocked";
    public const string ThreadPinned = "thread.pinned";
    public const string ThreadUnpinned = "thread.unpinned";
    public const string QuestionHidden = "question.hidden";
    public const string JoinRequestApproved = "join-request.approved";
    public const string JoinRequestDeclined = "join-request.declined";
    public const string OrganisationVerified = "organisation.verified";
    public const string RoleGranted = "role.granted";
    public const string RoleRevoked = "role.revoked";
    public const string MemberSuspended = "member.suspended";
    public const string MemberUnsuspended = "member.unsuspended";
    public const string MemberDeleted = "member.deleted";

    public static IReadOnlyList<string> All { get; } =
    [
        PostHidden, PostShown, ThreadLocked, ThreadUnlocked, ThreadPinned, ThreadUnpinned, QuestionHidden,
        JoinRequestApproved, JoinRequestDeclined, OrganisationVerified, RoleGranted, RoleRevoked,
        MemberSuspended, MemberUnsuspended, MemberDeleted,
    ];
}
