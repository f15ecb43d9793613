using Microsoft.AspNetCore.Identity;

namespace CommunityOfPractice.Api.Identity;

/// <summary>A sign-in account. The person's public profile is the domain's Member with the same id.</summary>
public sealed class AppUser : IdentityUser<Guid>
{
    public const int SuspensionReasonMaxLength = 500;

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

    /// <summary>
    /// When the person last signed out: the sign-in server's own cookies issued before then are
    /// refused, so a browser that signed out is not signed straight back in at the next visit.
    /// </summary>
    public DateTimeOffset? SignedOutAt { get; set; }

    /// <summary>Set while an admin has suspended the account: no sign-in, no token, no live connection.</summary>
    public DateTimeOffset? SuspendedAt { get; set; }

    /// <summary>Why, as the admin wrote it: shown to the person when they try to sign in.</summary>
    public string? SuspensionReason { get; set; }

    /// <summary>
    /// When what the person may read last changed (a role, a suspension, a co-host list): open
    /// live connections re-check their streams after it (<see cref="Live.AccessRecheck"/>).
    /// </summary>
    public DateTimeOffset? AccessChangedAt { get; set; }

    public bool IsSuspended => SuspendedAt is not null;
}
