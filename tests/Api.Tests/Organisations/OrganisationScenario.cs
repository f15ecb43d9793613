using CommunityOfPractice.Contracts.Community;

namespace CommunityOfPractice.Api.Tests.Organisations;

/// <summary>A member who has proposed an organisation working in Hackney and Southwark: its first admin.</summary>
internal sealed record OrganisationScenario(TestMember Admin, OrganisationDetail Organisation, PlaceView Hackney, PlaceView Southwark)
{
    public static async Task<OrganisationScenario> StartAsync(ApiFactory api, Domain.Community.OrganisationKind kind = Domain.Community.OrganisationKind.Charity)
    {
        var admin = await Community.JoinAsync(api.CreateClient, "Org Admin");
        var places = await OrganisationsApi.PlacesAsync(admin.Client, "Hackney", "Southwark");
        var organisation = await OrganisationsApi.ProposeAsync(admin.Client, OrganisationsApi.Profile(kind: kind, placeIds: [places[0].Id, places[1].Id]));
        return new OrganisationScenario(admin, organisation, places[0], places[1]);
    }

    public Guid Id => Organisation.Id;
}
