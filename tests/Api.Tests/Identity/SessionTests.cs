using CommunityOfPractice.Contracts.Community;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CommunityOfPractice.Api.Tests.Identity;

/// <summary>Sessions end on the server: signing out, suspension, and what a copied token can do after.</summary>
[Collection(ApiCollection.Name)]
public sealed class SessionTests(ApiFactory api)
{
    [Fact]
    public async Task Signing_out_revokes_that_session_s_access_and_refresh_tokens_and_no_other()
    {
        var member = await Community.JoinAsync(api.CreateClient);
        var otherDevice = await Tokens.PasswordGrantAsync(api.CreateClient(), member.Email, member.Password);
        var copied = member.Token;

        using var signOut = await member.Client.DeleteAsync("/api/v1/me/session");
        Assert.Equal(HttpStatusCode.NoContent, signOut.StatusCode);

        // The copied access token is refused from its next request, long before it would expire.
        var replay = api.CreateClient();
        replay.Authorize(copied.AccessToken);
        using var profile = await replay.GetAsync("/api/v1/me");
        Assert.Equal(HttpStatusCode.Unauthorized, profile.StatusCode);

        // The copied refresh token gets no new tokens.
        using var refresh = await Tokens.RequestRefreshAsync(api.CreateClient(), copied.RefreshToken!);
        Assert.Equal(HttpStatusCode.BadRequest, refresh.StatusCode);
        Assert.Equal("invalid_grant", (await refresh.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("error").GetString());

        // The session on another device goes on.
        var other = api.CreateClient();
        other.Authorize(otherDevice.AccessToken);
        using var stillThere = await other.GetAsync("/api/v1/me");
        Assert.Equal(HttpStatusCode.OK, stillThere.StatusCode);
        using var otherRefresh = await Tokens.RequestRefreshAsync(api.CreateClient(), otherDevice.RefreshToken!);
        Assert.Equal(HttpStatusCode.OK, otherRefresh.StatusCode);
    }

    [Fact]
    public async Task What_a_signed_in_caller_gets_is_not_stored_and_what_visitors_get_may_be()
    {
        var member = await Community.JoinAsync(api.CreateClient);

        using var mine = await member.Client.GetAsync("/api/v1/me");
        using var notifications = await member.Client.GetAsync("/api/v1/notifications");
        using var visitor = await api.CreateClient().GetAsync("/api/v1/places");

        Assert.True(mine.Headers.CacheControl?.NoStore);
        Assert.True(notifications.Headers.CacheControl?.NoStore);
        Assert.True(visitor.IsSuccessStatusCode);
        Assert.NotEqual(true, visitor.Headers.CacheControl?.NoStore);
    }

    [Fact]
    public async Task Ending_a_session_needs_a_session()
    {
        using var response = await api.CreateClient().DeleteAsync("/api/v1/me/session");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task A_suspended_member_s_tokens_stop_at_once_and_signing_in_says_why_until_an_admin_lifts_it()
    {
        var member = await Community.JoinAsync(api.CreateClient);
        using var admin = await Community.AdminAsync(api.CreateClient);
        var reason = $"Repeated personal attacks in threads ({Guid.NewGuid():N})";

        using var suspend = await admin.PostAsJsonAsync($"/api/v1/admin/people/{member.Id}/suspension", new { reason });
        Assert.Equal(HttpStatusCode.NoContent, suspend.StatusCode);

        using var refused = await member.Client.GetAsync("/api/v1/me");
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        using var refresh = await Tokens.RequestRefreshAsync(api.CreateClient(), member.Token.RefreshToken!);
        Assert.Equal(HttpStatusCode.BadRequest, refresh.StatusCode);
        using var signIn = await Tokens.RequestPasswordGrantAsync(api.CreateClient(), member.Email, member.Password);
        Assert.Equal(HttpStatusCode.BadRequest, signIn.StatusCode);
        var description = (await signIn.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("error_description").GetString();
        Assert.Contains("suspended", description, StringComparison.Ordinal);
        Assert.Contains(reason, description, StringComparison.Ordinal);

        var listed = await admin.GetFromJsonAsync<PeoplePage>($"/api/v1/admin/people?search={Uri.EscapeDataString(member.Email)}", Json.Options);
        Assert.Equal(reason, Assert.Single(listed!.Items).SuspensionReason);

        using var reinstate = await admin.DeleteAsync($"/api/v1/admin/people/{member.Id}/suspension");
        Assert.Equal(HttpStatusCode.NoContent, reinstate.StatusCode);
        var back = await Tokens.PasswordGrantAsync(api.CreateClient(), member.Email, member.Password);
        var client = api.CreateClient();
        client.Authorize(back.AccessToken);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/v1/me")).StatusCode);
    }

    [Fact]
    public async Task Only_admins_suspend_with_a_reason_and_never_themselves()
    {
        var member = await Community.JoinAsync(api.CreateClient);
        var moderator = await Community.JoinAsync(api.CreateClient, "Moderator", "moderator");
        using var admin = await Community.AdminAsync(api.CreateClient);
        var path = $"/api/v1/admin/people/{member.Id}/suspension";

        Assert.Equal(HttpStatusCode.Unauthorized, (await api.CreateClient().PostAsJsonAsync(path, new { reason = "x" })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await moderator.Client.PostAsJsonAsync(path, new { reason = "x" })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await moderator.Client.DeleteAsync(path)).StatusCode);

        using var noReason = await admin.PostAsJsonAsync(path, new { reason = "  " });
        var problem = await RegisterMemberTests.AssertValidationProblem(noReason);
        Assert.Contains("Say why", Assert.Single(problem.Errors["reason"]), StringComparison.Ordinal);
        using var tooLong = await admin.PostAsJsonAsync(path, new { reason = new string('x', 501) });
        await RegisterMemberTests.AssertValidationProblem(tooLong);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.PostAsJsonAsync($"/api/v1/admin/people/{Guid.NewGuid()}/suspension", new { reason = "x" })).StatusCode);

        var me = await admin.GetFromJsonAsync<MyProfile>("/api/v1/me", Json.Options);
        using var self = await admin.PostAsJsonAsync($"/api/v1/admin/people/{me!.Id}/suspension", new { reason = "Testing" });
        Assert.Equal(HttpStatusCode.Conflict, self.StatusCode);

        // None of the refused attempts suspended anyone.
        Assert.Equal(HttpStatusCode.OK, (await member.Client.GetAsync("/api/v1/me")).StatusCode);
    }

    [Fact]
    public async Task A_sign_out_that_arrives_by_GET_only_shows_the_button_and_a_POST_without_its_token_is_refused()
    {
        var client = api.CreateClient(new() { AllowAutoRedirect = false });

        using var get = await client.GetAsync("/connect/logout?client_id=cop-web&state=abc");
        Assert.Equal(HttpStatusCode.Redirect, get.StatusCode);
        var page = await client.GetAsync(get.Headers.Location);
        var html = await page.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("action=\"/connect/logout\"", html, StringComparison.Ordinal);
        Assert.Contains("name=\"__RequestVerificationToken\"", html, StringComparison.Ordinal);
        Assert.Contains("name=\"state\" value=\"abc\"", html, StringComparison.Ordinal);

        using var forged = await client.PostAsync("/connect/logout", new FormUrlEncodedContent(new Dictionary<string, string> { ["client_id"] = "cop-web" }));
        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
    }

    [Fact]
    public async Task UserInfo_answers_the_claims_the_token_s_scopes_allow()
    {
        var member = await Community.JoinAsync(api.CreateClient, "Userinfo Reader");

        var discovery = await api.CreateClient().GetFromJsonAsync<JsonElement>("/.well-known/openid-configuration");
        var endpoint = new Uri(discovery.GetProperty("userinfo_endpoint").GetString()!);
        using var info = await member.Client.GetAsync(endpoint.PathAndQuery);
        Assert.Equal(HttpStatusCode.OK, info.StatusCode);
        var claims = await info.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(member.Id.ToString(), claims.GetProperty("sub").GetString());
        Assert.StartsWith("Userinfo Reader", claims.GetProperty("name").GetString(), StringComparison.Ordinal);
        Assert.Equal(member.Email, claims.GetProperty("email").GetString());
        Assert.Contains("member", claims.GetProperty("role").EnumerateArray().Select(r => r.GetString()));

        using var anonymous = await api.CreateClient().GetAsync(endpoint.PathAndQuery);
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
    }

    [Fact]
    public async Task Expired_idempotency_keys_and_tokens_revoked_long_ago_are_pruned_and_live_ones_stay()
    {
        var member = await Community.JoinAsync(api.CreateClient);
        var thread = await ThreadsApi.StartAsync(member.Client);
        var oldKey = Guid.NewGuid().ToString();
        var freshKey = Guid.NewGuid().ToString();
        await ThreadsApi.ReplyAsync(member.Client, thread.Id, "Old", idempotencyKey: oldKey);
        await ThreadsApi.ReplyAsync(member.Client, thread.Id, "Fresh", idempotencyKey: freshKey);
        var ended = await Tokens.PasswordGrantAsync(api.CreateClient(), member.Email, member.Password);
        var endedClient = api.CreateClient();
        endedClient.Authorize(ended.AccessToken);
        (await endedClient.DeleteAsync("/api/v1/me/session")).Dispose();

        await using (var scope = api.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<CommunityOfPractice.Api.Data.AppDbContext>();
            await db.Database.ExecuteSqlAsync($"UPDATE idempotency_records SET created_at = created_at - interval '25 hours' WHERE member_id = {member.Id} AND key = {oldKey}");
            // The ended session's tokens were made (and revoked) a month ago.
            await db.Database.ExecuteSqlAsync($"UPDATE oidc_tokens SET creation_date = creation_date - interval '30 days' WHERE subject = {member.Id.ToString()} AND status = 'revoked'");
        }

        var pruned = await api.Services.GetRequiredService<CommunityOfPractice.Api.Infrastructure.Persistence.ExpiredRecordsPruner>().PruneAsync(CancellationToken.None);

        Assert.True(pruned.IdempotencyKeys >= 1);
        Assert.True(pruned.Tokens >= 1);
        await using (var scope = api.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<CommunityOfPractice.Api.Data.AppDbContext>();
            var keys = await db.Database.SqlQuery<string>($"SELECT key AS value FROM idempotency_records WHERE member_id = {member.Id}").ToListAsync();
            Assert.Equal([freshKey], keys);
        }

        // The member's own session is untouched.
        Assert.Equal(HttpStatusCode.OK, (await member.Client.GetAsync("/api/v1/me")).StatusCode);
    }
}
