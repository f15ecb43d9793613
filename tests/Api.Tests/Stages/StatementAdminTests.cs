using CommunityOfPractice.Contracts.Community;
using CommunityOfPractice.Domain.Community;

namespace CommunityOfPractice.Api.Tests.Stages;

[Collection(ApiCollection.Name)]
public sealed class StatementAdminTests(ApiFactory api)
{
    [Fact]
    public async Task An_admin_adds_edits_moves_retires_and_restores_a_statement_and_the_tool_follows()
    {
        using var admin = await Community.AdminAsync(api.CreateClient);
        var text = $"We test statements {Guid.NewGuid():N}";

        using var added = await admin.PostAsJsonAsync("/api/v1/admin/statements", new StatementRequest(FrameworkStage.Intention, text), Json.Options);
        var statement = await ThreadsApi.ExpectAsync<ManagedStatement>(added, HttpStatusCode.Created);
        try
        {
            var stage = (await ToolAsync()).Where(s => s.Stage == FrameworkStage.Intention).ToList();
            Assert.Equal(statement.Id, stage[^1].Id);

            using var edited = await admin.PutAsJsonAsync($"/api/v1/admin/statements/{statement.Id}", new StatementRequest(FrameworkStage.Intention, text + " (edited)"), Json.Options);
            Assert.EndsWith("(edited)", (await ThreadsApi.ExpectAsync<ManagedStatement>(edited, HttpStatusCode.OK)).Text);

            using var moved = await admin.PostAsJsonAsync($"/api/v1/admin/statements/{statement.Id}/move", new MoveStatementRequest(MoveDirection.Up), Json.Options);
            var order = await ThreadsApi.ExpectAsync<ManagedStatement[]>(moved, HttpStatusCode.OK);
            Assert.Equal(statement.Id, order[^2].Id);
            Assert.Equal(Enumerable.Range(1, order.Length), order.Select(s => s.Order));
            var toolOrder = (await ToolAsync()).Where(s => s.Stage == FrameworkStage.Intention).Select(s => s.Id).ToList();
            Assert.Equal(statement.Id, toolOrder[^2]);

            using var movedBack = await admin.PostAsJsonAsync($"/api/v1/admin/statements/{statement.Id}/move", new MoveStatementRequest(MoveDirection.Down), Json.Options);
            Assert.Equal(statement.Id, (await ThreadsApi.ExpectAsync<ManagedStatement[]>(movedBack, HttpStatusCode.OK))[^1].Id);

            using var retired = await admin.PutAsync($"/api/v1/admin/statements/{statement.Id}/retirement", null);
            Assert.Equal(HttpStatusCode.NoContent, retired.StatusCode);
            Assert.DoesNotContain(await ToolAsync(), s => s.Id == statement.Id);
            var managed = await admin.GetFromJsonAsync<ManagedStatement[]>("/api/v1/admin/statements", Json.Options);
            Assert.False(Assert.Single(managed!, s => s.Id == statement.Id).IsActive);

            using var restored = await admin.DeleteAsync($"/api/v1/admin/statements/{statement.Id}/retirement");
            Assert.Equal(HttpStatusCode.NoContent, restored.StatusCode);
            Assert.Contains(await ToolAsync(), s => s.Id == statement.Id);
        }
        finally
        {
            // Leave the tool as the other tests expect it: the seeded statements only.
            using var _ = await admin.PutAsync($"/api/v1/admin/statements/{statement.Id}/retirement", null);
        }
    }

    [Fact]
    public async Task Statements_are_for_admins_only()
    {
        var anonymous = api.CreateClient();
        var member = await Community.JoinAsync(api.CreateClient, "Curious Member", "moderator");
        var id = (await ToolAsync())[0].Id;
        var request = new StatementRequest(FrameworkStage.Intention, "Not allowed");

        foreach (var client in new[] { anonymous, member.Client })
        {
            var expected = client == anonymous ? HttpStatusCode.Unauthorized : HttpStatusCode.Forbidden;
            using var list = await client.GetAsync("/api/v1/admin/statements");
            using var add = await client.PostAsJsonAsync("/api/v1/admin/statements", request, Json.Options);
            using var edit = await client.PutAsJsonAsync($"/api/v1/admin/statements/{id}", request, Json.Options);
            using var move = await client.PostAsJsonAsync($"/api/v1/admin/statements/{id}/move", new MoveStatementRequest(MoveDirection.Up), Json.Options);
            using var retire = await client.PutAsync($"/api/v1/admin/statements/{id}/retirement", null);
            using var restore = await client.DeleteAsync($"/api/v1/admin/statements/{id}/retirement");

            Assert.All([list, add, edit, move, retire, restore], response => Assert.Equal(expected, response.StatusCode));
        }

        Assert.Contains(await ToolAsync(), s => s.Id == id);
    }

    [Fact]
    public async Task Bad_statements_are_400_on_their_field_and_unknown_ones_404()
    {
        using var admin = await Community.AdminAsync(api.CreateClient);

        using var empty = await admin.PostAsJsonAsync("/api/v1/admin/statements", new { stage = "Intention", text = " " });
        using var tooLong = await admin.PostAsJsonAsync("/api/v1/admin/statements", new { stage = "Intention", text = new string('x', 301) });
        using var badStage = await admin.PostAsJsonAsync("/api/v1/admin/statements", new { stage = "Planet", text = "We orbit." });
        using var badDirection = await admin.PostAsJsonAsync($"/api/v1/admin/statements/{(await ToolAsync())[0].Id}/move", new { direction = "Sideways" });
        using var unknownEdit = await admin.PutAsJsonAsync($"/api/v1/admin/statements/{Guid.NewGuid()}", new { stage = "Intention", text = "Who?" });
        using var unknownRetire = await admin.PutAsync($"/api/v1/admin/statements/{Guid.NewGuid()}/retirement", null);

        Assert.Contains("text", (await RegisterMemberTests.AssertValidationProblem(empty)).Errors.Keys);
        Assert.Contains("text", (await RegisterMemberTests.AssertValidationProblem(tooLong)).Errors.Keys);
        Assert.Contains("stage", (await RegisterMemberTests.AssertValidationProblem(badStage)).Errors.Keys);
        Assert.Contains("direction", (await RegisterMemberTests.AssertValidationProblem(badDirection)).Errors.Keys);
        Assert.Equal(HttpStatusCode.NotFound, unknownEdit.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, unknownRetire.StatusCode);
    }

    private async Task<StatementView[]> ToolAsync() =>
        (await api.CreateClient().GetFromJsonAsync<StatementView[]>("/api/v1/stages/statements", Json.Options))!;
}
