using System.Security.Cryptography;
using CommunityOfPractice.Domain.Notifications;
using Microsoft.AspNetCore.DataProtection;

namespace CommunityOfPractice.Api.Notifications;

/// <summary>
/// The absolute links a notification email carries: the thing itself on the Web, the member's
/// settings page, and a one-click unsubscribe link for that kind. The unsubscribe token is the
/// member and the kind, protected by the Api's data-protection keys: it needs no sign-in, does
/// not expire (old emails keep working), and a tampered one is refused.
/// </summary>
public sealed class NotificationLinks(IDataProtectionProvider protection, IConfiguration configuration)
{
    private readonly IDataProtector _protector = protection.CreateProtector("notifications.unsubscribe.v1");

    public string WebBase { get; } = (configuration["Web:BaseUrl"] ?? "http://localhost:5080").Split(';')[0].TrimEnd('/');

    public string ApiBase { get; } = (configuration["Api:PublicUrl"] ?? "http://localhost:5081").TrimEnd('/');

    public EmailLinks For(Guid memberId, NotificationKind kind)
    {
        var token = UnsubscribeToken(memberId, kind);
        return new EmailLinks(
            WebBase,
            $"{WebBase}/Notifications/Settings",
            $"{ApiBase}/account/unsubscribe?token={token}",
            $"{ApiBase}/api/v1/notifications/unsubscribe?token={token}");
    }

    public string UnsubscribeToken(Guid memberId, NotificationKind kind) => _protector.Protect($"{memberId:N}.{kind}");

    /// <summary>The member and kind a token names, or null when it was not made here or was changed.</summary>
    public (Guid MemberId, NotificationKind Kind)? ReadUnsubscribeToken(string? token)
    {
        if (string.IsNullOrWhiteSpace(token))
        {
            return null;
        }

        try
        {
            return _protector.Unprotect(token).Split('.') is [var member, var kind]
                && Guid.TryParseExact(member, "N", out var memberId)
                && Enum.TryParse<NotificationKind>(kind, out var parsed) && Enum.IsDefined(parsed)
                ? (memberId, parsed)
                : null;
        }
        catch (CryptographicException)
        {
            return null;
        }
    }
}

/// <summary>
/// The links of one member's email: <see cref="Page"/> for the one-click page a person opens,
/// <see cref="OneClick"/> for mail clients (RFC 8058: a POST with "List-Unsubscribe=One-Click").
/// </summary>
public sealed record EmailLinks(string WebBase, string Settings, string Page, string OneClick)
{
    public string Web(string path) => path.StartsWith("http", StringComparison.Ordinal) ? path : WebBase + (path.StartsWith('/') ? path : "/" + path);
}
