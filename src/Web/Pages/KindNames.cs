using OrganisationKind = CommunityOfPractice.Domain.Community.OrganisationKind;

namespace CommunityOfPractice.Web.Pages;

/// <summary>Organisation kinds as people read them, in the order the directory's filter offers them.</summary>
public static class KindNames
{
    public static IReadOnlyList<OrganisationKind> All { get; } = Enum.GetValues<OrganisationKind>();

    public static string Display(OrganisationKind kind) => kind switch
    {
        OrganisationKind.CommunityGroup => "Community group",
        OrganisationKind.ThinkTank => "Think tank",
        OrganisationKind.SocialEnterprise => "Social enterprise",
        OrganisationKind.InfrastructureBody => "Infrastructure body",
        _ => kind.ToString(),
    };
}
