namespace CommunityOfPractice.Contracts;

/// <summary>The roles a person can hold. Every registered person is a member.</summary>
public static class Roles
{
    public const string Member = "member";
    public const string Host = "host";
    public const string Funder = "funder";
    public const string Moderator = "moderator";
    public const string Admin = "admin";

    public static IReadOnlyList<string> All { get; } = [Member, Host, Funder, Moderator, Admin];

    public static bool IsKnown(string role) => All.Contains(role, StringComparer.Ordinal);
}
