using System.Net;

namespace CommunityOfPractice.Web.Tests;

[Collection(WebCollection.Name)]
public sealed class PlatformTests(WebFixture web)
{
    [Fact]
    public async Task Live_health_answers_without_the_Api()
    {
        using var client = web.CreateClient();

        using var response = await client.GetAsync("/health/live");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task The_Web_stays_ready_while_the_Api_cannot_be_reached_and_says_the_Api_is_not()
    {
        using var client = web.CreateClient();

        using var ready = await client.GetAsync("/health/ready");
        using var api = await client.GetAsync("/health/api");

        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        Assert.Equal("Degraded", await ready.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.ServiceUnavailable, api.StatusCode);
    }

    [Fact]
    public async Task Stylesheet_is_served_from_the_site_itself()
    {
        using var client = web.CreateClient();

        using var response = await client.GetAsync("/css/site.css");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/css", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("--accent", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Home_page_shows_the_five_stages_even_when_the_Api_cannot_be_reached()
    {
        using var client = web.CreateClient();

        var html = await client.GetStringAsync("/");

        var positions = new[] { "Intention", "Established", "Connection", "Mutuality", "Systemic" }
            .Select(stage => html.IndexOf($">{stage}</h3>", StringComparison.Ordinal))
            .ToList();
        Assert.All(positions, position => Assert.True(position > 0));
        Assert.Equal(positions.Order(), positions);
        Assert.Contains("Upcoming events", html, StringComparison.Ordinal);
        Assert.Contains("Latest discussion", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Layout_has_a_skip_link_and_the_landmarks()
    {
        using var client = web.CreateClient();

        var html = await client.GetStringAsync("/");

        Assert.Contains("<a class=\"skip-link\" href=\"#main\">", html, StringComparison.Ordinal);
        Assert.Contains("<header", html, StringComparison.Ordinal);
        Assert.Contains("<nav class=\"site-nav\" aria-label=\"Main\">", html, StringComparison.Ordinal);
        Assert.Contains("<main id=\"main\"", html, StringComparison.Ordinal);
        Assert.Contains("<footer", html, StringComparison.Ordinal);
        Assert.Contains("<html lang=\"en-GB\">", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Unknown_address_shows_a_friendly_not_found_page()
    {
        using var client = web.CreateClient();

        using var response = await client.GetAsync("/no-such-page");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("Page not found", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_events_section_asks_visitors_to_sign_in_before_listing_events()
    {
        using var client = web.CreateClient();

        var html = await client.GetStringAsync("/Events");

        Assert.Contains("<h1>Events</h1>", html, StringComparison.Ordinal);
        Assert.Contains("to see events, register and take part in their live Q&amp;A", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Coming soon", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_library_says_it_cannot_search_while_the_Api_is_down()
    {
        using var client = web.CreateClient();

        using var response = await client.GetAsync("/Library?q=systemic");
        var html = await response.Content.ReadAsStringAsync();

        // A page that says the service is restarting, and tells browsers when to try again.
        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(30), response.Headers.RetryAfter?.Delta);
        Assert.Contains("<h1>Library</h1>", html, StringComparison.Ordinal);
        Assert.Contains("We cannot show this just now", html, StringComparison.Ordinal);
        Assert.Contains("restarting", html, StringComparison.Ordinal);
        Assert.Contains("value=\"systemic\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Hub_requests_are_proxied_to_the_Api_and_fail_as_a_bad_gateway_while_it_is_down()
    {
        using var client = web.CreateClient();

        using var response = await client.PostAsync("/hubs/live/negotiate?negotiateVersion=1", new StringContent(string.Empty));

        Assert.Equal(HttpStatusCode.BadGateway, response.StatusCode);
        Assert.DoesNotContain("<html", await response.Content.ReadAsStringAsync(), StringComparison.OrdinalIgnoreCase);
    }
}
