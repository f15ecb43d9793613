using CommunityOfPractice.Domain.Common;

namespace CommunityOfPractice.Domain.Community;

/// <summary>
/// Links people follow from here (an organisation's website, evidence elsewhere) are absolute
/// http(s) addresses only: no javascript:, data: or relative links reach a page.
/// </summary>
public static class WebAddress
{
    public const int MaxLength = 500;

    public static bool IsHttp(string? text) =>
        Uri.TryCreate(text?.Trim(), UriKind.Absolute, out var uri)
        && uri.Scheme is "http" or "https"
        && uri.Host.Length > 0;

    /// <summary>The trimmed address, or null when blank; throws when it is not a full http(s) address.</summary>
    public static string? Optional(string? text, string what, int maxLength = MaxLength)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var trimmed = text.Trim();
        if (trimmed.Length > maxLength)
        {
            throw new DomainException($"{what} has at most {maxLength} characters.");
        }

        return IsHttp(trimmed)
            ? trimmed
            : throw new DomainException($"{what} must be a full http or https address, like https://example.org.");
    }
}
