using System.Text.RegularExpressions;
using CommunityOfPractice.Domain.Common;

namespace CommunityOfPractice.Domain.Discussions;

/// <summary>
/// Mentions such as @amara-okafor: a member's handle is the slug of their display name
/// ("Amara Okafor" → amara-okafor), so people can write it without looking anything up.
/// </summary>
public static partial class Mentions
{
    public const int MaxPerPost = 20;

    public static string Handle(string displayName) => Slug.From(displayName);

    public static IReadOnlyList<string> Parse(string text) =>
        [.. Pattern().Matches(text).Select(m => m.Groups["handle"].Value.ToLowerInvariant()).Distinct().Take(MaxPerPost)];

    // After the start, a space or a bracket (so e-mail addresses are not mentions); letters and
    // digits joined by single hyphens, as Slug makes them.
    [GeneratedRegex(@"(?<=^|[\s(\[])@(?<handle>[A-Za-z0-9]+(?:-[A-Za-z0-9]+){0,9})\b", RegexOptions.CultureInvariant)]
    public static partial Regex Pattern();
}
