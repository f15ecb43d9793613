namespace CommunityOfPractice.Web.Pages;

/// <summary>The community's roles as people read them.</summary>
public static class RoleNames
{
    /// <summary>The roles an admin grants and revokes (everyone is a member).</summary>
    public static IReadOnlyList<string> Grantable { get; } = ["host", "funder", "moderator", "admin"];

    public static string Display(string role) => role switch
    {
        "member" => "Member",
        "host" => "Event host",
        "funder" => "Funder",
        "moderator" => "Moderator",
        "admin" => "Admin",
        _ => role,
    };
}
