using System.Net.Http.Headers;
using System.Text;

namespace CommunityOfPractice.Api.Tests.Platform;

/// <summary>Errors are ProblemDetails whatever the client asked for; found by <see cref="ApiFuzzTests"/>.</summary>
[Collection(ApiCollection.Name)]
public sealed class ProblemDetailsTests(ApiFactory api)
{
    [Theory]
    [InlineData("application/xml")]
    [InlineData("text/csv")]
    public async Task A_not_found_for_a_client_that_asks_for_no_json_is_a_404_problem_not_a_500(string accept)
    {
        var member = await Community.JoinAsync(api.CreateClient);

        using var notFound = await member.Client.SendAsync(WithAccept(new HttpRequestMessage(HttpMethod.Get, $"/api/v1/threads/{Guid.NewGuid()}"), accept));

        await AssertProblemAsync(notFound, HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_validation_failure_for_a_client_that_asks_for_csv_still_names_the_field()
    {
        var member = await Community.JoinAsync(api.CreateClient);

        using var response = await member.Client.SendAsync(WithAccept(new HttpRequestMessage(HttpMethod.Post, "/api/v1/threads")
        {
            Content = JsonContent.Create(new { title = "", body = "Body." }),
        }, "text/csv"));

        var problem = await AssertProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty("title", out _));
    }

    [Fact]
    public async Task A_route_that_does_not_match_is_a_problem_whatever_the_client_accepts()
    {
        using var response = await api.CreateClient().SendAsync(WithAccept(new HttpRequestMessage(HttpMethod.Get, "/api/v1/threads/not-a-guid"), "application/xml"));

        await AssertProblemAsync(response, HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_json_body_in_a_charset_nobody_knows_is_a_415_on_the_body()
    {
        var member = await Community.JoinAsync(api.CreateClient);
        var content = new StringContent("""{"title":"A thread","body":"Body."}""", Encoding.UTF8);
        content.Headers.Remove("Content-Type");
        content.Headers.TryAddWithoutValidation("Content-Type", "application/json; charset=nonsense");

        using var response = await member.Client.PostAsync("/api/v1/threads", content);

        var problem = await AssertProblemAsync(response, HttpStatusCode.UnsupportedMediaType);
        Assert.True(problem.GetProperty("errors").TryGetProperty("body", out _));
    }

    private static HttpRequestMessage WithAccept(HttpRequestMessage request, string accept)
    {
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue(accept));
        return request;
    }

    private static async Task<JsonElement> AssertProblemAsync(HttpResponseMessage response, HttpStatusCode status)
    {
        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal((int)status, problem.GetProperty("status").GetInt32());
        return problem;
    }
}
