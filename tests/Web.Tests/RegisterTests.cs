using System.Net;

namespace CommunityOfPractice.Web.Tests;

[Collection(WebCollection.Name)]
public sealed class RegisterTests(WebFixture web)
{
    [Fact]
    public async Task Register_post_without_an_antiforgery_token_is_refused()
    {
        using var client = web.CreateClient();

        using var response = await client.PostAsync("/Account/Register", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Input.Email"] = "someone@example.org",
            ["Input.Password"] = "Long-enough-2026",
            ["Input.ConfirmPassword"] = "Long-enough-2026",
            ["Input.DisplayName"] = "Someone",
        }));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task Register_page_labels_every_field()
    {
        using var client = web.CreateClient();

        var html = await client.GetStringAsync("/Account/Register");

        foreach (var id in new[] { "Input_DisplayName", "Input_Email", "Input_Password", "Input_ConfirmPassword" })
        {
            Assert.Contains($"<label for=\"{id}\">", html, StringComparison.Ordinal);
            Assert.Contains($"id=\"{id}\"", html, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Passwords_that_differ_are_caught_by_the_Web_and_linked_from_the_error_summary()
    {
        using var client = web.CreateClient();
        var token = Html.AntiforgeryToken(await client.GetStringAsync("/Account/Register"));

        using var response = await client.PostAsync("/Account/Register", Form(token, confirmPassword: "Something-else-2026"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("There is a problem", html, StringComparison.Ordinal);
        Assert.Contains("<a href=\"#Input_ConfirmPassword\">The two passwords do not match.</a>", html, StringComparison.Ordinal);
        Assert.Matches("<input[^>]*aria-invalid=\"true\"[^>]*id=\"Input_ConfirmPassword\"|<input[^>]*id=\"Input_ConfirmPassword\"[^>]*aria-invalid=\"true\"", html);
        Assert.DoesNotMatch("<input[^>]*id=\"Input_Email\"[^>]*aria-invalid", html);
    }

    [Fact]
    public async Task Register_when_the_Api_cannot_be_reached_keeps_the_input_and_says_so()
    {
        using var client = web.CreateClient();
        var token = Html.AntiforgeryToken(await client.GetStringAsync("/Account/Register"));

        using var response = await client.PostAsync("/Account/Register", Form(token));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("We could not reach the community service just now.", html, StringComparison.Ordinal);
        Assert.Contains("value=\"newcomer@example.org\"", html, StringComparison.Ordinal);
        Assert.Contains("value=\"Nia Newcomer\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Long-enough-2026", html, StringComparison.Ordinal);
    }

    private static FormUrlEncodedContent Form(string token, string confirmPassword = "Long-enough-2026") => new(new Dictionary<string, string>
    {
        ["__RequestVerificationToken"] = token,
        ["Input.Email"] = "newcomer@example.org",
        ["Input.Password"] = "Long-enough-2026",
        ["Input.ConfirmPassword"] = confirmPassword,
        ["Input.DisplayName"] = "Nia Newcomer",
    });
}
