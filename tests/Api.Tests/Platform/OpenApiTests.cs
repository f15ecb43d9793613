using System.Text.Json.Nodes;

namespace CommunityOfPractice.Api.Tests.Platform;

/// <summary>
/// The Api's description is a contract: a checked-in copy (docs/openapi.json) is compared with
/// the served one, so every change to it shows in review, and ./cop test lints the copy with
/// Redocly. After an intended change: <c>COP_UPDATE_OPENAPI=1 ./cop test --filter OpenApi</c>.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class OpenApiTests(ApiFactory api)
{
    private static readonly string _checkedIn = RepositoryRoot.Combine("docs", "openapi.json");
    private static readonly JsonSerializerOptions _indented = new() { WriteIndented = true, IndentSize = 2 };

    [Fact]
    public async Task The_served_document_matches_the_checked_in_copy()
    {
        var served = await ServedAsync();
        if (Environment.GetEnvironmentVariable("COP_UPDATE_OPENAPI") == "1")
        {
            await File.WriteAllTextAsync(_checkedIn, served);
        }

        var expected = File.Exists(_checkedIn) ? await File.ReadAllTextAsync(_checkedIn) : "(docs/openapi.json is missing)";
        Assert.True(expected.ReplaceLineEndings("\n") == served,
            "/openapi/v1.json differs from docs/openapi.json; if the change is intended, run COP_UPDATE_OPENAPI=1 ./cop test --filter OpenApi and commit the file.");
    }

    [Fact]
    public async Task Every_operation_has_an_operation_id_and_declares_its_errors()
    {
        var document = JsonNode.Parse(await ServedAsync())!;
        var operations = document["paths"]!.AsObject()
            .SelectMany(path => path.Value!.AsObject()
                .Where(op => op.Key is "get" or "put" or "post" or "delete" or "patch")
                .Select(op => (Name: $"{op.Key.ToUpperInvariant()} {path.Key}", Operation: op.Value!)))
            .ToList();

        Assert.NotEmpty(operations);
        Assert.Empty(operations.Where(o => string.IsNullOrEmpty((string?)o.Operation["operationId"])).Select(o => o.Name));
        Assert.Empty(operations.Where(o => CanFail(o.Operation) && !o.Operation["responses"]!.AsObject().Any(r => r.Key.StartsWith('4'))).Select(o => o.Name));
        var ids = operations.Select(o => (string)o.Operation["operationId"]!).ToList();
        Assert.Equal(ids.Count, ids.Distinct(StringComparer.Ordinal).Count());
    }

    // An operation anyone may call with nothing to send (the list of stages) has no client error to declare.
    private static bool CanFail(JsonNode operation) =>
        operation["parameters"] is JsonArray { Count: > 0 } || operation["requestBody"] is not null
        || operation["security"] is not JsonArray { Count: 0 };

    private async Task<string> ServedAsync() =>
        JsonNode.Parse(await api.CreateClient().GetStringAsync("/openapi/v1.json"))!.ToJsonString(_indented) + "\n";
}
