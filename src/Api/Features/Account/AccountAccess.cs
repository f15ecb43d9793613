using CommunityOfPractice.Domain.Community;

namespace CommunityOfPractice.Api.Features.Account;

/// <summary>
/// Who may decide joining. Moderators (and admins) decide join requests; the endpoint's policy
/// says so. An invitation for an organisation may also come from that organisation's approved
/// admins; one for nobody in particular only from moderators. Its maker or a moderator withdraws it.
/// </summary>
internal static class AccountAccess
{
    public static async Task<JoinRequest> PendingDecisionAsync(this AppDbContext db, Guid requestId, CancellationToken cancellationToken) =>
        await db.JoinRequests.SingleOrDefaultAsync(r => r.Id == requestId, cancellationToken)
            ?? throw new NotFoundException("There is no such join request.");

    public static async Task EnsureMayInviteAsync(this AppDbContext db, Caller caller, Guid? organisationId, CancellationToken cancellationToken)
    {
        if (caller.MayModerate)
        {
            return;
        }

        if (organisationId is null)
        {
            throw new ForbiddenException("Only moderators make invitations for no organisation in particular; an org admin invites to their organisation.");
        }

        var isOrgAdmin = await db.OrganisationMemberships.AnyAsync(
            m => m.OrganisationId == organisationId && m.MemberId == caller.Id && m.IsAdmin && m.Status == MembershipStatus.Approved,
            cancellationToken);
        if (!isOrgAdmin)
        {
            throw new ForbiddenException("Only moderators and this organisation's admins make invitations to it.");
        }
    }

    public static bool MayWithdraw(this Caller caller, Invitation invitation) => caller.MayModerate || caller.Is(invitation.CreatedById);
}
