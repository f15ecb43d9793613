using System.Net.Http.Json;
using System.Text.RegularExpressions;
using CommunityOfPractice.Contracts;
using CommunityOfPractice.Contracts.Community;

namespace CommunityOfPractice.Browser.Tests;

/// <summary>Joining by approval, in the browser: ask, wait, be approved by a moderator; or come in through an invitation.</summary>
[Collection(ApprovalSiteCollection.Name)]
public sealed class JoiningTests(ApprovalSiteFixture site)
{
    private const string Password = "Newcomer-pass-2026";

    [Fact]
    public async Task A_newcomer_asks_to_join_a_moderator_approves_and_an_invited_newcomer_needs_no_approval()
    {
        var moderator = await JoiningApi.MemberAsync(site.Api.CreateClient, "Moira Moderator", "moderator");
        var thread = await ThreadsApi.StartAsync(moderator.Client, $"For members {Guid.NewGuid():N}"[..24]);
        var name = $"Nadia {Guid.NewGuid().ToString()[..6]}";
        var email = Journeys.NewEmail();

        // The newcomer asks to join.
        var newcomer = await site.NewPageAsync();
        await newcomer.GotoAsync("/");
        await newcomer.GetByRole(AriaRole.Link, new() { Name = "Join", Exact = true }).ClickAsync();
        await Accessibility.AssertNoViolationsAsync(newcomer);
        await newcomer.GetByLabel("Display name").FillAsync(name);
        await newcomer.GetByLabel("Email address").FillAsync(email);
        await newcomer.GetByLabel("Password", new() { Exact = true }).FillAsync(Password);
        await newcomer.GetByLabel("Confirm password").FillAsync(Password);
        await newcomer.GetByRole(AriaRole.Button, new() { Name = "Ask to join" }).ClickAsync();

        await Expect(newcomer.GetByText("Choose at least one place where you work.").First).ToBeVisibleAsync();
        await newcomer.GetByLabel("Password", new() { Exact = true }).FillAsync(Password);
        await newcomer.GetByLabel("Confirm password").FillAsync(Password);
        await newcomer.GetByLabel("Southwark", new() { Exact = true }).CheckAsync();
        await newcomer.GetByLabel("Or the name of an organisation not listed").FillAsync("Peckham Pantry");
        await newcomer.GetByLabel("Why are you joining?").FillAsync("I run a food bank in Peckham.");
        await newcomer.GetByRole(AriaRole.Button, new() { Name = "Ask to join" }).ClickAsync();

        await Expect(newcomer.GetByRole(AriaRole.Heading, new() { Name = "Your account is ready — sign in" })).ToBeVisibleAsync();
        await newcomer.GetByRole(AriaRole.Link, new() { Name = "Sign in", Exact = true }).Last.ClickAsync();
        await Journeys.SignInOnApiPageAsync(newcomer, email, Password);
        await Expect(newcomer.GetByRole(AriaRole.Heading, new() { Name = "Your request to join is pending" })).ToBeVisibleAsync();
        await Expect(newcomer.GetByText("Peckham Pantry")).ToBeVisibleAsync();
        await Accessibility.AssertNoViolationsAsync(newcomer);
        await newcomer.GotoAsync($"/Threads/{thread.Id}");
        await Expect(newcomer.GetByRole(AriaRole.Heading, new() { Name = thread.Title })).ToHaveCountAsync(0);

        // The moderator approves with a message.
        var moderatorPage = await site.NewPageAsync();
        await Journeys.SignInAsync(moderatorPage, moderator.Email, moderator.Password, "/");
        await moderatorPage.GetByRole(AriaRole.Navigation, new() { Name = "Main" }).GetByRole(AriaRole.Link, new() { Name = "Join requests" }).ClickAsync();
        await Expect(moderatorPage).ToHaveURLAsync(new Regex("/admin/join-requests", RegexOptions.IgnoreCase));
        await Accessibility.AssertNoViolationsAsync(moderatorPage);
        await moderatorPage.GetByLabel($"Message to {name}").FillAsync("Welcome, Nadia: glad to have Peckham here.");
        await moderatorPage.GetByRole(AriaRole.Button, new() { Name = $"Approve {name}" }).ClickAsync();
        await Expect(moderatorPage.GetByRole(AriaRole.Status)).ToContainTextAsync($"{name} is now a member.");

        // The newcomer sees it, and reads members-only discussions at once.
        await newcomer.GotoAsync("/account/join-request");
        await Expect(newcomer.GetByRole(AriaRole.Heading, new() { Name = "Your request to join is approved" })).ToBeVisibleAsync();
        await Expect(newcomer.GetByText("Welcome, Nadia: glad to have Peckham here.")).ToBeVisibleAsync();
        await Accessibility.AssertNoViolationsAsync(newcomer);
        await newcomer.GotoAsync($"/Threads/{thread.Id}");
        await Expect(newcomer.GetByRole(AriaRole.Heading, new() { Name = thread.Title })).ToBeVisibleAsync();

        // The moderator makes an invitation; a second newcomer uses it and needs no approval.
        await moderatorPage.GotoAsync("/admin/invitations");
        await moderatorPage.GetByLabel("How many people may use it").FillAsync("1");
        await moderatorPage.GetByRole(AriaRole.Button, new() { Name = "Make invitation link" }).ClickAsync();
        var link = await moderatorPage.GetByLabel("Copy this link and send it to the people you invite").InputValueAsync();
        Assert.Contains("invitation=", link);
        await Expect(moderatorPage.GetByRole(AriaRole.Cell, new() { Name = "0 of 1" })).ToBeVisibleAsync();
        await Accessibility.AssertNoViolationsAsync(moderatorPage);

        var invited = await site.NewPageAsync();
        var invitedEmail = Journeys.NewEmail();
        await invited.GotoAsync(link);
        await Expect(invited.GetByText("You have been invited")).ToBeVisibleAsync();
        await Expect(invited.GetByText("Places you work in")).ToHaveCountAsync(0);
        await Accessibility.AssertNoViolationsAsync(invited);
        await invited.GetByLabel("Display name").FillAsync("Ike Invited");
        await invited.GetByLabel("Email address").FillAsync(invitedEmail);
        await invited.GetByLabel("Password", new() { Exact = true }).FillAsync(Password);
        await invited.GetByLabel("Confirm password").FillAsync(Password);
        await invited.GetByRole(AriaRole.Button, new() { Name = "Create account" }).ClickAsync();
        await invited.GetByRole(AriaRole.Link, new() { Name = "Sign in", Exact = true }).Last.ClickAsync();
        await Journeys.SignInOnApiPageAsync(invited, invitedEmail, Password);
        await Expect(invited).ToHaveURLAsync(new Regex("/Profile$"));
        await invited.GotoAsync($"/Threads/{thread.Id}");
        await Expect(invited.GetByRole(AriaRole.Heading, new() { Name = thread.Title })).ToBeVisibleAsync();

        // Used up: the link now says so.
        var late = await site.NewPageAsync();
        await late.GotoAsync(link);
        await Expect(late.GetByRole(AriaRole.Alert)).ToContainTextAsync("used as many times as it allows");
    }

    [Fact]
    public async Task An_org_admin_invites_people_to_their_organisation_from_its_page()
    {
        var orgAdmin = await JoiningApi.MemberAsync(site.Api.CreateClient, "Olu Orgadmin");
        var organisation = await OrganisationsApi.ProposeAsync(orgAdmin.Client);
        var page = await site.NewPageAsync();
        await Journeys.SignInAsync(page, orgAdmin.Email, orgAdmin.Password, $"/organisations/{organisation.Slug}");

        var invite = page.GetByRole(AriaRole.Region, new() { Name = $"Invite people to {organisation.Name}" });
        await invite.GetByLabel("How many people may use it").FillAsync("1");
        await invite.GetByRole(AriaRole.Button, new() { Name = "Make an invitation link" }).ClickAsync();
        var link = await page.GetByLabel("Invitation link (shown once: copy it now)").InputValueAsync();
        Assert.Contains("invitation=", link);
        await Accessibility.AssertNoViolationsAsync(page);

        var invited = await site.NewPageAsync();
        var email = Journeys.NewEmail();
        await invited.GotoAsync(link);
        await Expect(invited.GetByText("You have been invited")).ToBeVisibleAsync();
        await invited.GetByLabel("Display name").FillAsync("Ines Invited");
        await invited.GetByLabel("Email address").FillAsync(email);
        await invited.GetByLabel("Password", new() { Exact = true }).FillAsync(Password);
        await invited.GetByLabel("Confirm password").FillAsync(Password);
        await invited.GetByRole(AriaRole.Button, new() { Name = "Create account" }).ClickAsync();
        await invited.GetByRole(AriaRole.Link, new() { Name = "Sign in", Exact = true }).Last.ClickAsync();
        await Journeys.SignInOnApiPageAsync(invited, email, Password);
        await Expect(invited).ToHaveURLAsync(new Regex("/Profile$"));

        // A member at once, and of the organisation that invited them.
        using var api = site.Api.CreateClient();
        api.Authorize((await Tokens.PasswordGrantAsync(api, email, Password)).AccessToken);
        var me = await api.GetFromJsonAsync<MyProfile>("/api/v1/me", Json.Options);
        Assert.Equal(organisation.Id, me!.Organisation?.Id);
        Assert.Contains(Roles.Member, me.Roles);

        // Someone who is not its admin sees no invitation form.
        var outsider = await JoiningApi.MemberAsync(site.Api.CreateClient, "Otto Outsider");
        var other = await site.NewPageAsync();
        await Journeys.SignInAsync(other, outsider.Email, outsider.Password, $"/organisations/{organisation.Slug}");
        await Expect(other.GetByRole(AriaRole.Heading, new() { Name = organisation.Name })).ToBeVisibleAsync();
        await Expect(other.GetByRole(AriaRole.Region, new() { Name = $"Invite people to {organisation.Name}" })).ToHaveCountAsync(0);
    }
}
