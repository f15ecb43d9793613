using System.Net;

namespace CommunityOfPractice.Web.Tests;

[Collection(WebCollection.Name)]
public sealed class SecurityHeadersTests(WebFixture web)
{
    [Fact]
    public async Task Home_page_carries_a_content_security_policy_that_allows_no_inline_script_and_no_framing()
    {
        using var client = web.CreateClient();

        using var response = await client.GetAsync("/");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var csp = Header(response, "Content-Security-Policy");
        var directives = csp.Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        Assert.Contains("frame-ancestors 'none'", directives);
        Assert.Contains("default-src 'self'", directives);
        var scriptSrc = Assert.Single(directives, d => d.StartsWith("script-src ", StringComparison.Ordinal));
        Assert.DoesNotContain("'unsafe-inline'", scriptSrc, StringComparison.Ordinal);
        Assert.DoesNotContain("'unsafe-eval'", scriptSrc, StringComparison.Ordinal);
        var styleSrc = Assert.Single(directives, d => d.StartsWith("style-src ", StringComparison.Ordinal));
        Assert.DoesNotContain("'unsafe-inline'", styleSrc, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Forms_may_go_to_the_Api_because_sign_out_redirects_there()
    {
        using var client = web.CreateClient();

        using var response = await client.GetAsync("/");

        var formAction = Header(response, "Content-Security-Policy")
            .Split(';', StringSplitOptions.TrimEntries)
            .Single(d => d.StartsWith("form-action ", StringComparison.Ordinal));
        Assert.Equal($"form-action 'self' {web.ApiBaseUrl}", formAction);
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/css/site.css")]
    [InlineData("/no-such-page")]
    [InlineData("/health/live")]
    public async Task Every_response_carries_the_other_security_headers(string path)
    {
        using var client = web.CreateClient();

        using var response = await client.GetAsync(path);

        Assert.Equal("nosniff", Header(response, "X-Content-Type-Options"));
        Assert.Equal("DENY", Header(response, "X-Frame-Options"));
        Assert.Equal("strict-origin-when-cross-origin", Header(response, "Referrer-Policy"));
        Assert.Contains("camera=()", Header(response, "Permissions-Policy"), StringComparison.Ordinal);
        Assert.Contains("frame-ancestors 'none'", Header(response, "Content-Security-Policy"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Pages_have_no_inline_scripts_or_styles_for_the_policy_to_block()
    {
        using var client = web.CreateClient();

        var html = await client.GetStringAsync("/Account/Register");

        Assert.DoesNotMatch("<script(?![^>]*\\bsrc=)[^>]*>", html);
        Assert.DoesNotContain("<style", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(" style=", html, StringComparison.OrdinalIgnoreCase);
    }

    private static string Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) || response.Content.Headers.TryGetValues(name, out values)
            ? Assert.Single(values)
            : throw new Xunit.Sdk.XunitException($"The response has no {name} header.");
}
