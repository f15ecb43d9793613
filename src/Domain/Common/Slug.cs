using System.Globalization;
using System.Text;

namespace CommunityOfPractice.Domain.Common;

/// <summary>URL-safe, lower-case names: "Barking and Dagenham" → "barking-and-dagenham".</summary>
public static class Slug
{
    public static string From(string text)
    {
        var normalised = text.Normalize(NormalizationForm.FormD);
        var builder = new StringBuilder(normalised.Length);
        var pendingDash = false;
        foreach (var c in normalised)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark)
            {
                continue;
            }

            if (char.IsAsciiLetterOrDigit(c))
            {
                if (pendingDash && builder.Length > 0)
                {
                    builder.Append('-');
                }

                builder.Append(char.ToLowerInvariant(c));
                pendingDash = false;
            }
            else if (c != '\'')
            {
                pendingDash = true;
            }
        }

        return builder.ToString();
    }
}
