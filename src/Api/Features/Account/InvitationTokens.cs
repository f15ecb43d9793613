using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.WebUtilities;

namespace CommunityOfPractice.Api.Features.Account;

/// <summary>
/// The secret in an invitation link: 32 random bytes, URL-safe. Only its SHA-256 is stored, so a
/// leaked table opens nothing; a link is looked up by hashing what the newcomer brings.
/// </summary>
internal static class InvitationTokens
{
    public const int MaxLength = 100;

    public static string NewToken() => WebEncoders.Base64UrlEncode(RandomNumberGenerator.GetBytes(32));

    public static string Hash(string token) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token.Trim())));

    /// <summary>The Web's register page with the token, when the Api knows where the Web is (the first of Web:BaseUrl).</summary>
    public static string? Link(IConfiguration configuration, string token) =>
        configuration["Web:BaseUrl"]?.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).FirstOrDefault() is { } web
            ? $"{web.TrimEnd('/')}/Account/Register?invitation={Uri.EscapeDataString(token)}"
            : null;
}
