using CommunityOfPractice.Contracts.Community;
using CommunityOfPractice.Contracts.Events;
using CommunityOfPractice.Domain.Events;

namespace CommunityOfPractice.Api.Tests.Organisations;

/// <summary>Events an organisation hosts: set by its members, shown on the event and on the organisation's page.</summary>
[Collection(ApiCollection.Name)]
public sealed class HostedEventsTests(ApiFactory api)
{
    [Fact]
    public async Task A_member_hosts_events_for_their_organisation_and_its_page_lists_them_but_never_drafts()
    {
        var host = await Community.JoinAsync(api.CreateClient, "Host", "host");
        var organisation = await OrganisationsApi.ProposeAsync(host.Client);
        var soon = DateTimeOffset.UtcNow.AddDays(3);
        var before = DateTimeOffset.UtcNow.AddDays(-30);

        var upcoming = await EventsApi.CreateAsync(host.Client, new { hostOrganisationId = organisation.Id, startsAt = soon, endsAt = soon.AddHours(1) });
        var past = await EventsApi.CreateAsync(host.Client, new { hostOrganisationId = organisation.Id, startsAt = before, endsAt = before.AddHours(2) });
        var cancelled = await EventsApi.CreateAsync(host.Client, new { hostOrganisationId = organisation.Id, startsAt = soon.AddDays(1), endsAt = soon.AddDays(1).AddHours(1) });
        using var cancel = await host.Client.PostAsJsonAsync($"/api/v1/events/{cancelled.Id}/cancel", new CancelEventRequest("Venue flooded"));
        await ThreadsApi.ExpectAsync(cancel, HttpStatusCode.OK);
        var draft = await EventsApi.CreateAsync(host.Client, new { hostOrganisationId = organisation.Id }, publish: false);
        await EventsApi.CreateAsync(host.Client);

        Assert.Equal(new EventHostOrganisation(organisation.Id, organisation.Name, organisation.Slug), (await EventsApi.GetAsync(host.Client, upcoming.Id)).HostOrganisation);
        Assert.Equal(organisation.Id, draft.HostOrganisation?.Id);
        var member = await Community.JoinAsync(api.CreateClient, "Reader");
        foreach (var reader in new[] { member.Client, host.Client })
        {
            var page = await OrganisationsApi.GetAsync(reader, organisation.Slug);
            Assert.Equal([upcoming.Id, cancelled.Id], page.UpcomingEvents.Select(e => e.Id));
            Assert.Equal(EventStatus.Cancelled, page.UpcomingEvents[1].Status);
            Assert.Equal([past.Id], page.PastEvents.Select(e => e.Id));
        }

        // Events are for members, as on the events and place pages.
        var visitorsView = await OrganisationsApi.GetAsync(api.CreateClient(), organisation.Slug);
        Assert.Empty(visitorsView.UpcomingEvents);
        Assert.Empty(visitorsView.PastEvents);
    }

    [Fact]
    public async Task The_host_organisation_must_exist_and_be_one_the_person_setting_it_belongs_to()
    {
        var host = await Community.JoinAsync(api.CreateClient, "Host", "host");
        var other = await OrganisationScenario.StartAsync(api);
        using var claimed = await host.Client.PutAsync($"/api/v1/organisations/{other.Id}/members/me", null);
        await ThreadsApi.ExpectAsync(claimed, HttpStatusCode.OK);

        using var unknown = await host.Client.PostAsJsonAsync("/api/v1/events", EventsApi.Draft(new { hostOrganisationId = Guid.NewGuid() }));
        using var notMine = await host.Client.PostAsJsonAsync("/api/v1/events", EventsApi.Draft(new { hostOrganisationId = other.Id }));

        foreach (var response in new[] { unknown, notMine })
        {
            var problem = await RegisterMemberTests.AssertValidationProblem(response);
            Assert.Contains("hostOrganisationId", problem.Errors.Keys);
        }

        // A pending claim is not belonging; once approved the host may name it. A site admin may name any.
        using var decided = await other.Admin.Client.PostAsJsonAsync($"/api/v1/organisations/{other.Id}/members/{host.Id}/decision", new DecideMembershipRequest(true));
        await ThreadsApi.ExpectAsync(decided, HttpStatusCode.OK);
        Assert.Equal(other.Id, (await EventsApi.CreateAsync(host.Client, new { hostOrganisationId = other.Id })).HostOrganisation?.Id);
        using var admin = await Community.AdminAsync(api.CreateClient);
        Assert.Equal(other.Id, (await EventsApi.CreateAsync(admin, new { hostOrganisationId = other.Id })).HostOrganisation?.Id);
    }

    [Fact]
    public async Task A_co_host_from_elsewhere_edits_the_event_keeping_its_host_organisation_but_cannot_move_it_to_one_they_do_not_belong_to()
    {
        var host = await Community.JoinAsync(api.CreateClient, "Host", "host");
        var coHost = await Community.JoinAsync(api.CreateClient, "Co-host", "host");
        var organisation = await OrganisationsApi.ProposeAsync(host.Client);
        var strangers = await OrganisationScenario.StartAsync(api);
        var created = await EventsApi.CreateAsync(host.Client, new { hostOrganisationId = organisation.Id, coHostIds = new[] { coHost.Id } });

        using var kept = await coHost.Client.PutAsJsonAsync($"/api/v1/events/{created.Id}",
            EventsApi.Draft(new { title = "Renamed", hostOrganisationId = organisation.Id, coHostIds = new[] { coHost.Id } }));
        using var moved = await coHost.Client.PutAsJsonAsync($"/api/v1/events/{created.Id}",
            EventsApi.Draft(new { hostOrganisationId = strangers.Id, coHostIds = new[] { coHost.Id } }));
        using var dropped = await coHost.Client.PutAsJsonAsync($"/api/v1/events/{created.Id}", EventsApi.Draft(new { coHostIds = new[] { coHost.Id } }));

        Assert.Equal(organisation.Id, (await ThreadsApi.ExpectAsync<EventDetail>(kept, HttpStatusCode.OK)).HostOrganisation?.Id);
        Assert.Contains("hostOrganisationId", (await RegisterMemberTests.AssertValidationProblem(moved)).Errors.Keys);
        Assert.Null((await ThreadsApi.ExpectAsync<EventDetail>(dropped, HttpStatusCode.OK)).HostOrganisation);
        Assert.Empty((await OrganisationsApi.GetAsync(host.Client, organisation.Slug)).UpcomingEvents);
    }
}
