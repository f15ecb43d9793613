namespace CommunityOfPractice.Api.Infrastructure;

/// <summary>A "contains" filter for ILIKE with "\" as the escape: what people type is taken literally, wildcards included.</summary>
public static class LikePattern
{
    public const string Escape = "\\";

    public static string Contains(string text) =>
        $"%{text.Trim().Replace("\\", "\\\\", StringComparison.Ordinal).Replace("%", "\\%", StringComparison.Ordinal).Replace("_", "\\_", StringComparison.Ordinal)}%";
}
