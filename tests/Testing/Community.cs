using System.Net;
using System.Net.Http.Json;
using CommunityOfPractice.Contracts.Community;
using Xunit;

namespace CommunityOfPractice.Testing;

/// <summary>A person made through the public Api, with a client that carries their token.</summary>
public sealed record TestMember(Guid Id, string Email, string Password, string DisplayName, HttpClient Client, TokenResponse Token);

/// <summary>Makes people through the Api itself (register, grant roles, sign in): unique per test.</summary>
public static class Community
{
    public const string Password = "Member-pass-2026!";

    public static async Task<HttpClient> AdminAsync(Func<HttpClient> newClient)
    {
        var client = newClient();
        var token = await Tokens.PasswordGrantAsync(client, ApiFactory.AdminEmail, ApiFactory.AdminPassword);
        client.Authorize(token.AccessToken);
        return client;
    }

    public static async Task<TestMember> JoinAsync(Func<HttpClient> newClient, string name = "Test Member", params string[] roles)
    {
        var anonymous = newClient();
        var email = $"{Guid.NewGuid():N}@tests.communityofpractice.org.uk";
        var displayName = $"{name} {Guid.NewGuid().ToString()[..6]}";
        using var registered = await anonymous.PostAsJsonAsync("/api/v1/account/register", new RegisterMemberRequest(email, Password, displayName));
        Assert.Equal(HttpStatusCode.Created, registered.StatusCode);
        var id = (await registered.ReadAsync<Registered>()).Id;

        if (roles.Length > 0)
        {
            using var admin = await AdminAsync(newClient);
            foreach (var role in roles)
            {
                using var granted = await admin.PutAsync($"/api/v1/admin/people/{id}/roles/{role}", null);
                Assert.Equal(HttpStatusCode.NoContent, granted.StatusCode);
            }
        }

        var client = newClient();
        var token = await Tokens.PasswordGrantAsync(client, email, Password);
        client.Authorize(token.AccessToken);
        return new TestMember(id, email, Password, displayName, client, token);
    }
}
