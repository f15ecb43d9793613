using Microsoft.AspNetCore.Identity;

namespace CommunityOfPractice.Api.Identity;

/// <summary>A sign-in account. The person's public profile is the domain's Member with the same id.</summary>
public sealed class AppUser : IdentityUser<Guid>
{
    public AppUser()
    {
        Id = Guid.CreateVersion7();
        SecurityStamp = Guid.NewGuid().ToString();
    }

    /// <summary>
    /// The mail server's answer when it refused mail to <see cref="IdentityUser{TKey}.Email"/> for
    /// good (a 5xx), shown on the member's profile; nothing more is sent there until it is confirmed again.
    /// </summary>
    public string? EmailRefused { get; set; }

    /// <summary>
    /// The address the member asked to move to and has not confirmed yet: shown on their profile.
    /// Mail keeps going to <see cref="IdentityUser{TKey}.Email"/> until the link sent there is followed.
    /// </summary>
    public string? PendingEmail { get; set; }
}
