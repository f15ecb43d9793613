using CommunityOfPractice.Contracts.Community;

namespace CommunityOfPractice.Api.Features.Account;

/// <summary>
/// <c>Community:Joining</c>: <see cref="JoiningMode.Approval"/> (the default) makes a newcomer an
/// applicant whose join request a moderator approves before they read members-only content;
/// <see cref="JoiningMode.Open"/> makes every newcomer a member at once. An invitation link skips
/// approval either way.
/// </summary>
public sealed class JoiningOptions
{
    public const string Section = "Community";

    public JoiningMode Joining { get; set; } = JoiningMode.Approval;
}
