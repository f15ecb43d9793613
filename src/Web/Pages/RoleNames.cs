using CommunityOfPractice.Contracts;

namespace CommunityOfPractice.Web.Pages;

/// <summary>The community's roles (<see cref="Roles"/>) as people read them.</summary>
public static class RoleNames
{
    /// <summary>The roles an admin grants and revokes (everyone is a member).</summary>
    public static IReadOnlyList<string> Grantable { get; } = [Roles.Host, Roles.Funder, Roles.Moderator, Roles.Admin];

    public static string Display(string role) => role switch
    {
        Roles.Member => "Member",
        Roles.Host => "Event host",
        Roles.Funder => "Funder",
        Roles.Moderator => "Moderator",
        Roles.Admin => "Admin",
        _ => role,
    };
}
