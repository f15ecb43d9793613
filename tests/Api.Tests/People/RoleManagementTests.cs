using CommunityOfPractice.Contracts.Community;

namespace CommunityOfPractice.Api.Tests.People;

[Collection(ApiCollection.Name)]
public sealed class RoleManagementTests(ApiFactory api)
{
    [Fact]
    public async Task An_admin_grants_and_revokes_the_host_role()
    {
        var member = await Community.JoinAsync(api.CreateClient, "Hannah Host");
        using var admin = await Community.AdminAsync(api.CreateClient);

        using var granted = await admin.PutAsync($"/api/v1/admin/people/{member.Id}/roles/host", null);
        var afterGrant = await FindAsync(admin, member);
        using var revoked = await admin.DeleteAsync($"/api/v1/admin/people/{member.Id}/roles/host");
        var afterRevoke = await FindAsync(admin, member);

        Assert.Equal(HttpStatusCode.NoContent, granted.StatusCode);
        Assert.Equal(["host", "member"], afterGrant.Roles);
        Assert.Equal(HttpStatusCode.NoContent, revoked.StatusCode);
        Assert.Equal(["member"], afterRevoke.Roles);
    }

    [Fact]
    public async Task Nobody_loses_the_member_role_and_an_admin_cannot_demote_themselves()
    {
        var member = await Community.JoinAsync(api.CreateClient);
        var otherAdmin = await Community.JoinAsync(api.CreateClient, "Second Admin", "admin");

        using var revokeMember = await member.Client.DeleteAsync($"/api/v1/admin/people/{member.Id}/roles/member");
        using var adminRevokesMember = await otherAdmin.Client.DeleteAsync($"/api/v1/admin/people/{member.Id}/roles/member");
        using var selfDemotion = await otherAdmin.Client.DeleteAsync($"/api/v1/admin/people/{otherAdmin.Id}/roles/admin");

        Assert.Equal(HttpStatusCode.Forbidden, revokeMember.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, adminRevokesMember.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, selfDemotion.StatusCode);
        var problem = await selfDemotion.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Contains("own admin role", problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task Unknown_roles_are_400_and_unknown_people_404()
    {
        var member = await Community.JoinAsync(api.CreateClient);
        using var admin = await Community.AdminAsync(api.CreateClient);

        using var unknownRole = await admin.PutAsync($"/api/v1/admin/people/{member.Id}/roles/overlord", null);
        using var unknownPerson = await admin.PutAsync($"/api/v1/admin/people/{Guid.NewGuid()}/roles/host", null);

        Assert.Equal(HttpStatusCode.BadRequest, unknownRole.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, unknownPerson.StatusCode);
    }

    [Fact]
    public async Task The_people_list_pages_by_name_without_repeating_anyone()
    {
        var tag = Guid.NewGuid().ToString("N")[..10];
        for (var i = 0; i < 5; i++)
        {
            await Community.JoinAsync(api.CreateClient, $"Pager {tag}");
        }

        using var admin = await Community.AdminAsync(api.CreateClient);
        var seen = new List<Person>();
        string? next = null;
        do
        {
            var page = await admin.GetFromJsonAsync<PeoplePage>($"/api/v1/admin/people?search={tag}&limit=2&after={next}");
            Assert.True(page!.Items.Count <= 2);
            seen.AddRange(page.Items);
            next = page.Next;
        }
        while (next is not null);

        Assert.Equal(5, seen.Count);
        Assert.Equal(5, seen.Select(p => p.Id).Distinct().Count());
        Assert.Equal(seen.Select(p => p.DisplayName).Order(StringComparer.Ordinal), seen.Select(p => p.DisplayName));
    }

    [Fact]
    public async Task A_tampered_page_link_is_a_400_not_a_500()
    {
        using var admin = await Community.AdminAsync(api.CreateClient);

        using var response = await admin.GetAsync("/api/v1/admin/people?after=not-a-cursor!!&limit=0");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    private static async Task<Person> FindAsync(HttpClient admin, TestMember member)
    {
        var page = await admin.GetFromJsonAsync<PeoplePage>($"/api/v1/admin/people?search={Uri.EscapeDataString(member.Email)}");
        return Assert.Single(page!.Items);
    }
}
