namespace CommunityOfPractice.Api.Infrastructure.Validation;

/// <summary>
/// A query string's enum value read by name (any case). Filters take the text rather than the
/// enum, so an unknown stage or kind is a 400 on that field rather than a binding error, and
/// numbers are not names ("?stage=3" is refused).
/// </summary>
public static class EnumText
{
    /// <summary>True for no text (value null) and for a known name; false for anything else.</summary>
    public static bool TryRead<TEnum>(string? text, out TEnum? value) where TEnum : struct, Enum
    {
        value = null;
        if (string.IsNullOrWhiteSpace(text))
        {
            return true;
        }

        var trimmed = text.Trim();
        if (!char.IsLetter(trimmed[0]) || !Enum.TryParse<TEnum>(trimmed, ignoreCase: true, out var parsed) || !Enum.IsDefined(parsed))
        {
            return false;
        }

        value = parsed;
        return true;
    }

    public static bool IsValid<TEnum>(string? text) where TEnum : struct, Enum => TryRead<TEnum>(text, out _);
}
