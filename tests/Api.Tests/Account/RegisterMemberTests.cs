using System.Text;
using CommunityOfPractice.Contracts.Community;
using Microsoft.AspNetCore.Mvc;

namespace CommunityOfPractice.Api.Tests.Account;

[Collection(ApiCollection.Name)]
public sealed class RegisterMemberTests(ApiFactory api)
{
    [Fact]
    public async Task A_newcomer_registers_signs_in_with_a_token_and_sees_their_profile()
    {
        var client = api.CreateClient();
        var email = $"{Guid.NewGuid():N}@example.org";

        using var registered = await client.PostAsJsonAsync("/api/v1/account/register",
            new { email, password = "Newcomer-2026", displayName = "  Nia Newcomer  " });

        Assert.Equal(HttpStatusCode.Created, registered.StatusCode);
        var token = await Tokens.PasswordGrantAsync(client, email, "Newcomer-2026");
        client.Authorize(token.AccessToken);
        var profile = await client.GetFromJsonAsync<MyProfile>("/api/v1/me");
        Assert.Equal("Nia Newcomer", profile!.DisplayName);
        Assert.Equal(email, profile.Email);
        Assert.Equal(["member"], profile.Roles);
    }

    [Fact]
    public async Task Registering_an_email_twice_is_refused_on_the_email_field()
    {
        var client = api.CreateClient();
        var email = $"{Guid.NewGuid():N}@example.org";
        var body = new { email, password = "Newcomer-2026", displayName = "First" };
        (await client.PostAsJsonAsync("/api/v1/account/register", body)).EnsureSuccessStatusCode();

        using var second = await client.PostAsJsonAsync("/api/v1/account/register", body with { });

        var problem = await AssertValidationProblem(second);
        Assert.Contains("already exists", Assert.Single(problem.Errors["email"]));
    }

    [Fact]
    public async Task Invalid_fields_each_get_a_message_and_nothing_is_stored()
    {
        var client = api.CreateClient();
        var email = $"{Guid.NewGuid():N}@example.org";

        using var response = await client.PostAsJsonAsync("/api/v1/account/register",
            new { email, password = "short", displayName = "Weak Password" });

        var problem = await AssertValidationProblem(response);
        Assert.True(problem.Errors.ContainsKey("password"));
        using var signIn = await Tokens.RequestPasswordGrantAsync(client, email, "short");
        Assert.Equal(HttpStatusCode.BadRequest, signIn.StatusCode);

        using var empty = await client.PostAsJsonAsync("/api/v1/account/register", new { email = "not-an-email", password = "", displayName = "" });
        var emptyProblem = await AssertValidationProblem(empty);
        Assert.Equal(["displayName", "email", "password"], emptyProblem.Errors.Keys.Order());
    }

    [Theory]
    [InlineData("""{"email":"a@example.org","password":"Newcomer-2026","displayName":"A","isAdmin":true}""", "isAdmin")]
    [InlineData("""{"email":"a@example.org","password":"Newcomer-2026","displayName":42}""", "displayName")]
    [InlineData("""{"email":"a@example.org",""", "body")]
    public async Task Unknown_fields_wrong_types_and_broken_json_are_400_not_500(string json, string field)
    {
        var client = api.CreateClient();

        using var response = await client.PostAsync("/api/v1/account/register", new StringContent(json, Encoding.UTF8, "application/json"));

        var problem = await AssertValidationProblem(response);
        Assert.True(problem.Errors.ContainsKey(field), $"expected an error on '{field}', got {string.Join(", ", problem.Errors.Keys)}");
    }

    internal static async Task<ValidationProblemDetails> AssertValidationProblem(HttpResponseMessage response, HttpStatusCode status = HttpStatusCode.BadRequest)
    {
        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<ValidationProblemDetails>();
        Assert.NotNull(problem);
        Assert.NotEmpty(problem.Errors);
        return problem;
    }
}
