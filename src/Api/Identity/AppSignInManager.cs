using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace CommunityOfPractice.Api.Identity;

/// <summary>
/// Identity's sign-in rules plus one of ours: a suspended account cannot sign in. Every way in asks
/// this (the sign-in page, the password grant, the authorization and refresh of a session).
/// </summary>
public sealed class AppSignInManager(
    UserManager<AppUser> userManager,
    IHttpContextAccessor contextAccessor,
    IUserClaimsPrincipalFactory<AppUser> claimsFactory,
    IOptions<IdentityOptions> optionsAccessor,
    ILogger<SignInManager<AppUser>> logger,
    IAuthenticationSchemeProvider schemes,
    IUserConfirmation<AppUser> confirmation)
    : SignInManager<AppUser>(userManager, contextAccessor, claimsFactory, optionsAccessor, logger, schemes, confirmation)
{
    public override async Task<bool> CanSignInAsync(AppUser user) => !user.IsSuspended && await base.CanSignInAsync(user);

    /// <summary>What to tell someone who may not sign in: suspended (with the admins' reason), or not confirmed yet.</summary>
    public static string NotAllowedMessage(AppUser? user) => user?.IsSuspended == true
        ? $"This account is suspended by the community's admins: {user.SuspensionReason}"
        : "Confirm your email address before signing in: follow the link we sent you.";
}
