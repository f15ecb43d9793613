using CommunityOfPractice.Domain.Community;

namespace CommunityOfPractice.Api.Features.Organisations;

/// <summary>
/// Who may do what with an organisation. Anyone reads its page; its approved org admins (and
/// site admins) edit the profile; its org admins (and site moderators) decide who belongs; its approved members record
/// assessments. Of its assessments, a reader sees the community's, the funder-only ones when they
/// belong to one of the named funders, and the private ones only as one of its approved members
/// (that rule lives in <see cref="AssessmentReaders"/>, which the portfolio shares).
/// </summary>
internal static class OrganisationAccess
{
    /// <summary>The organisation, tracked with its places, for an org admin or site admin to edit; 404 or 403 otherwise.</summary>
    public static async Task<Organisation> OrganisationToEditAsync(this AppDbContext db, Caller caller, Guid organisationId, CancellationToken cancellationToken)
    {
        var organisation = await db.Organisations.Include(o => o.Places).SingleOrDefaultAsync(o => o.Id == organisationId, cancellationToken)
            ?? throw new NotFoundException("There is no such organisation.");
        return caller.IsAdmin || await db.IsOrgAdminAsync(caller, organisationId, cancellationToken)
            ? organisation
            : throw new ForbiddenException("Only the organisation's admins can edit its profile.");
    }

    /// <summary>
    /// 404 for an unknown organisation, 403 unless the caller is one of its approved admins or a
    /// site moderator (or admin): moderators settle claims for an organisation whose admins are gone or slow.
    /// </summary>
    public static async Task EnsureMayDecideClaimsAsync(this AppDbContext db, Caller caller, Guid organisationId, CancellationToken cancellationToken)
    {
        await db.EnsureOrganisationExistsAsync(organisationId, cancellationToken);
        if (!caller.MayModerate && !await db.IsOrgAdminAsync(caller, organisationId, cancellationToken))
        {
            throw new ForbiddenException("Only the organisation's admins, or the community's moderators, decide who belongs to it.");
        }
    }

    /// <summary>404 for an unknown organisation, 403 unless the caller is one of its approved members.</summary>
    public static async Task EnsureApprovedMemberAsync(this AppDbContext db, Caller caller, Guid organisationId, string forbidden, CancellationToken cancellationToken)
    {
        await db.EnsureOrganisationExistsAsync(organisationId, cancellationToken);
        if (!(await db.ApprovedOrganisationsOfAsync(caller, cancellationToken)).Contains(organisationId))
        {
            throw new ForbiddenException(forbidden);
        }
    }

    public static async Task EnsureOrganisationExistsAsync(this AppDbContext db, Guid organisationId, CancellationToken cancellationToken)
    {
        if (!await db.Organisations.AnyAsync(o => o.Id == organisationId, cancellationToken))
        {
            throw new NotFoundException("There is no such organisation.");
        }
    }

    public static Task<bool> IsOrgAdminAsync(this AppDbContext db, Caller caller, Guid organisationId, CancellationToken cancellationToken) =>
        caller.MemberId is { } memberId
            ? db.OrganisationMemberships.AnyAsync(m => m.OrganisationId == organisationId && m.MemberId == memberId
                && m.IsAdmin && m.Status == MembershipStatus.Approved, cancellationToken)
            : Task.FromResult(false);
}
