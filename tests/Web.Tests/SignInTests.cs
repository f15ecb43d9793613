using System.Net;

namespace CommunityOfPractice.Web.Tests;

[Collection(WebCollection.Name)]
public sealed class SignInTests(WebFixture web)
{
    [Theory]
    [InlineData("/Profile", "%2FProfile")]
    [InlineData("/Admin/People", "%2FAdmin%2FPeople")]
    [InlineData("/Admin/People?search=amara", "%2FAdmin%2FPeople%3Fsearch%3Damara")]
    [InlineData("/Threads", "%2FThreads")]
    [InlineData("/people", "%2Fpeople")]
    [InlineData("/Threads/New", "%2FThreads%2FNew")]
    [InlineData("/Threads/0193a5b2-0000-7000-8000-000000000001", "%2FThreads%2F0193a5b2-0000-7000-8000-000000000001")]
    [InlineData("/people/0193a5b2-0000-7000-8000-000000000001", "%2Fpeople%2F0193a5b2-0000-7000-8000-000000000001")]
    public async Task Anonymous_visit_to_a_protected_page_redirects_to_sign_in_with_the_way_back(string path, string returnUrl)
    {
        using var client = web.CreateClient();

        using var response = await client.GetAsync(path);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var location = new Uri(client.BaseAddress!, response.Headers.Location!);
        Assert.Equal($"/Account/SignIn?ReturnUrl={returnUrl}", location.PathAndQuery);
    }

    [Fact]
    public async Task Sign_in_when_the_Api_cannot_be_reached_says_so_instead_of_failing()
    {
        using var client = web.CreateClient();

        using var response = await client.GetAsync("/Account/SignIn?ReturnUrl=%2FProfile");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("Sign-in is not available just now", html, StringComparison.Ordinal);
        Assert.Contains("href=\"/Account/SignIn?ReturnUrl=%2FProfile\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Sign_in_never_sends_anyone_back_to_another_site()
    {
        using var client = web.CreateClient();

        using var response = await client.GetAsync("/Account/SignIn?ReturnUrl=https%3A%2F%2Fevil.example%2F");

        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("href=\"/Account/SignIn?ReturnUrl=%2F\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("evil.example", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Sign_out_without_an_antiforgery_token_is_refused()
    {
        using var client = web.CreateClient();

        using var response = await client.PostAsync("/Account/SignOut", new FormUrlEncodedContent([]));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task Anonymous_visitors_are_offered_sign_in_and_join_but_not_profile_or_admin()
    {
        using var client = web.CreateClient();

        var html = await client.GetStringAsync("/Events");

        Assert.Contains(">Sign in</a>", html, StringComparison.Ordinal);
        Assert.Contains(">Join</a>", html, StringComparison.Ordinal);
        Assert.Contains("href=\"/Account/SignIn?ReturnUrl=%2FEvents\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain(">Profile</a>", html, StringComparison.Ordinal);
        Assert.DoesNotContain(">Admin</a>", html, StringComparison.Ordinal);
    }
}
