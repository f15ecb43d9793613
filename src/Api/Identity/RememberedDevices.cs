using Microsoft.AspNetCore.DataProtection;

namespace CommunityOfPractice.Api.Identity;

/// <summary>
/// The <c>cop.device</c> cookie: set by a successful sign-in on the sign-in page, it tells later
/// sign-ins from this browser that the account's owner has used it before, so the wait that
/// strangers' failed guesses put on the account does not apply here (the wait per network
/// address still does). It names the account and its security stamp, protected by the Api's
/// data-protection keys; a password reset changes the stamp and so forgets every device.
/// </summary>
public sealed class RememberedDevices(IDataProtectionProvider protection, TimeProvider clock)
{
    public const string CookieName = "cop.device";

    private static readonly TimeSpan _lifetime = TimeSpan.FromDays(180);

    private readonly ITimeLimitedDataProtector _protector =
        protection.CreateProtector("CommunityOfPractice.Api.RememberedDevice").ToTimeLimitedDataProtector();

    /// <summary>Whether this request comes from a browser the account's owner signed in on before.</summary>
    public bool IsRemembered(HttpRequest request, AppUser? user)
    {
        if (user is null || request.Cookies[CookieName] is not { Length: > 0 } cookie)
        {
            return false;
        }

        try
        {
            return _protector.Unprotect(cookie) == Mark(user);
        }
        catch (System.Security.Cryptography.CryptographicException)
        {
            // Expired, from other keys, or tampered with: simply not remembered.
            return false;
        }
    }

    public void Remember(HttpResponse response, AppUser user) =>
        response.Cookies.Append(CookieName, _protector.Protect(Mark(user), clock.GetUtcNow() + _lifetime), new CookieOptions
        {
            HttpOnly = true,
            Secure = response.HttpContext.Request.IsHttps,
            SameSite = SameSiteMode.Lax,
            // Only the sign-in page reads it.
            Path = "/account",
            MaxAge = _lifetime,
            IsEssential = true,
        });

    private static string Mark(AppUser user) => $"{user.Id:N}.{user.SecurityStamp}";
}
