namespace CommunityOfPractice.Contracts.Community;

/// <summary>
/// How people join, from the Api's <c>Community:Joining</c> setting: by a moderator's approval of
/// their join request (the default), or at once.
/// </summary>
public enum JoiningMode
{
    Approval = 1,
    Open = 2,
}

/// <summary>A moderator's answer to a join request: optional when approving, required when declining.</summary>
public sealed record DecideJoinRequestRequest(string? Message);

/// <summary>
/// A moderator (any organisation) or an org admin (their own) makes an invitation link: valid for
/// 1 to 90 days, for 1 to 500 people, optionally presetting the organisation they belong to.
/// </summary>
public sealed record CreateInvitationRequest(int ValidForDays, int MaxUses, Guid? OrganisationId);

/// <summary>"Forgot my password": the address the account was made with.</summary>
public sealed record PasswordResetRequest(string? Email);

/// <summary>The reset link's member and code, with the new password.</summary>
public sealed record ResetPasswordRequest(Guid MemberId, string? Code, string? Password);

/// <summary>The parts of the link sent to a new address (<c>member</c>, <c>email</c>, <c>code</c>).</summary>
public sealed record ConfirmEmailChangeRequest(Guid MemberId, string? NewEmail, string? Code);
