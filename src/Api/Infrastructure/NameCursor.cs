using System.Text;
using Microsoft.AspNetCore.WebUtilities;

namespace CommunityOfPractice.Api.Infrastructure;

/// <summary>
/// The keyset cursor of a list ordered by (name, id): the last row's name and id, so the next
/// page starts after it and page 100 costs what page 1 costs. Opaque to clients.
/// </summary>
public static class NameCursor
{
    public const string Invalid = "This page link is not valid; start from the first page.";

    public static string Write(string name, Guid id) =>
        WebEncoders.Base64UrlEncode(Encoding.UTF8.GetBytes($"{id:N}{name}"));

    /// <summary>True for no cursor (position null) and for a well-formed one; false for anything else.</summary>
    public static bool TryRead(string? cursor, out (string Name, Guid Id)? position)
    {
        position = null;
        if (string.IsNullOrEmpty(cursor))
        {
            return true;
        }

        try
        {
            var text = Encoding.UTF8.GetString(WebEncoders.Base64UrlDecode(cursor));
            if (text.Length < 32 || !Guid.TryParseExact(text[..32], "N", out var id))
            {
                return false;
            }

            position = (text[32..], id);
            return true;
        }
        catch (FormatException)
        {
            return false;
        }
    }
}
