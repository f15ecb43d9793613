using System.Text.RegularExpressions;

namespace CommunityOfPractice.Domain.Discussions;

/// <summary>Hashtags such as #PowerofPlace, found in titles and posts; compared without case.</summary>
public static partial class Hashtags
{
    public const int MaxPerThread = 10;

    public static IReadOnlyList<string> Parse(params string[] texts) =>
        [.. texts.SelectMany(text => Pattern().Matches(text).Select(m => m.Groups["tag"].Value))
            .DistinctBy(Key)
            .Take(MaxPerThread)];

    public static string Key(string tag) => tag.TrimStart('#').ToLowerInvariant();

    // A tag starts at the beginning of the text or after a space or bracket, begins with a
    // letter, and has 2–50 letters, digits or underscores: "# Heading" and "C#" are not tags.
    [GeneratedRegex(@"(?<=^|[\s(\[])#(?<tag>[A-Za-z][A-Za-z0-9_]{1,49})\b", RegexOptions.CultureInvariant)]
    public static partial Regex Pattern();
}
