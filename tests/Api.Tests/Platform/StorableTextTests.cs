namespace CommunityOfPractice.Api.Tests.Platform;

/// <summary>PostgreSQL text holds no NUL character: text carrying one is the client's mistake, named by field (found by <see cref="ApiFuzzTests"/>).</summary>
[Collection(ApiCollection.Name)]
public sealed class StorableTextTests(ApiFactory api)
{
    [Theory]
    [InlineData("/api/v1/people?handle=%00", "handle")]
    [InlineData("/api/v1/people?handle=a%00b", "handle")]
    [InlineData("/api/v1/places?q=%00", "q")]
    [InlineData("/api/v1/papers?q=x%00", "q")]
    public async Task A_nul_in_a_query_parameter_is_a_400_on_that_parameter(string path, string field)
    {
        var member = await Community.JoinAsync(api.CreateClient);

        using var response = await member.Client.GetAsync(path);

        Assert.Contains(field, (await RegisterMemberTests.AssertValidationProblem(response)).Errors.Keys);
    }

    [Fact]
    public async Task A_nul_in_a_json_field_is_a_400_on_that_field()
    {
        var member = await Community.JoinAsync(api.CreateClient);

        using var response = await member.Client.PostAsJsonAsync("/api/v1/threads", new { title = "A\0title", body = "Body." });

        Assert.Contains("title", (await RegisterMemberTests.AssertValidationProblem(response)).Errors.Keys);
    }
}
