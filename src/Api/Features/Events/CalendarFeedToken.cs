using System.Security.Cryptography;
using System.Text;

namespace CommunityOfPractice.Api.Features.Events;

/// <summary>
/// The secret in a member's calendar feed address (calendar apps cannot sign in). Only its hash
/// is stored, so a leaked database does not leak working addresses.
/// </summary>
internal static class CalendarFeedToken
{
    public static string New() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    public static string Hash(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));
}
