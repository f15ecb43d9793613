using System.Text.Json.Nodes;
using CommunityOfPractice.Contracts;

namespace CommunityOfPractice.Api.Tests.Platform.Fuzz;

/// <summary>Who the fuzzer calls as: nobody, a plain member, an admin.</summary>
public sealed record FuzzIdentity(string Name, HttpClient Client);

/// <summary>
/// Real things for the fuzzer's valid-looking cases to name, so that handlers run and not only
/// model binding: a place, an organisation, a thread with a reply, a published event with open
/// Q&amp;A and a question, a paper, a statement, an invitation, a calendar feed. All made by the
/// fuzzer's own people; the people it calls as are never among the ids it passes, so an admin
/// case cannot take the fuzzer's own roles away.
/// </summary>
public sealed class FuzzWorld
{
    public const string EmailDomain = "fuzz.tests.communityofpractice.org.uk";

    private readonly Dictionary<string, Guid> _ids = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, string> _texts = new(StringComparer.OrdinalIgnoreCase);

    private FuzzWorld(IReadOnlyList<FuzzIdentity> identities) => Identities = identities;

    public IReadOnlyList<FuzzIdentity> Identities { get; }

    public IReadOnlyCollection<Guid> AllIds => _ids.Values;

    /// <summary>A real id for a parameter or field named like <c>threadId</c>, <c>placeIds</c> or <c>personId</c>; null when none fits.</summary>
    public Guid? IdFor(string name)
    {
        var key = name.EndsWith("Ids", StringComparison.Ordinal) ? name[..^3] : name.EndsWith("Id", StringComparison.Ordinal) ? name[..^2] : name;
        key = key switch
        {
            "person" or "funder" or "agreedBy" or "member" => "member",
            "quotedPost" => "post",
            "request" => "joinRequest",
            "organisation" or "hostOrganisation" => "organisation",
            _ => key,
        };
        return _ids.TryGetValue(key, out var id) ? id : null;
    }

    /// <summary>A real text value for a string parameter: a slug, a tag, a token.</summary>
    public string? TextFor(string operationPath, string name) => name switch
    {
        "slug" => _texts["placeSlug"],
        "organisation" => _texts["organisationSlug"],
        "tag" => _texts["tag"],
        "token" when operationPath.Contains("calendar", StringComparison.Ordinal) => _texts["calendarToken"],
        "token" when operationPath.Contains("invitations", StringComparison.Ordinal) => _texts["invitationToken"],
        "role" => null,
        _ => null,
    };

    public static async Task<FuzzWorld> BuildAsync(ApiFactory api)
    {
        var member = await Community.JoinAsync(api.CreateClient, "Fuzz Member");
        var admin = await Community.JoinAsync(api.CreateClient, "Fuzz Admin", Roles.Admin);
        var target = await Community.JoinAsync(api.CreateClient, "Fuzz Target");
        var world = new FuzzWorld([new("visitor", api.CreateClient()), new("member", member.Client), new("admin", admin.Client)]);
        world._ids["member"] = target.Id;

        var place = (await GetAsync(admin.Client, "/api/v1/places")).AsArray()[0]!;
        world._ids["place"] = (Guid)place["id"]!;
        world._texts["placeSlug"] = (string)place["slug"]!;

        var organisation = await SendAsync(target.Client, HttpMethod.Post, "/api/v1/organisations/proposals",
            OrganisationsApi.Profile(placeIds: [world._ids["place"]]));
        world._ids["organisation"] = (Guid)organisation["id"]!;
        world._texts["organisationSlug"] = (string)organisation["slug"]!;

        var tag = ThreadsApi.UniqueTag();
        world._texts["tag"] = tag;
        var thread = await ThreadsApi.StartAsync(target.Client, body: $"Opening post #{tag}");
        world._ids["thread"] = thread.Id;
        world._ids["post"] = (await ThreadsApi.ReplyAsync(target.Client, thread.Id, "A reply to fuzz.")).Id;

        var evt = await EventsApi.CreateAsync(admin.Client);
        world._ids["event"] = evt.Id;
        await QaApi.OpenAsync(admin.Client, evt.Id);
        await EventsApi.RegisterAsync(target.Client, evt.Id);
        world._ids["question"] = (await QaApi.AskAsync(target.Client, evt.Id, "What does the fuzzer ask?")).Id;

        world._ids["paper"] = (await LibraryApi.PublishAsync(admin.Client, TestPdfs.Create("A paper to fuzz"))).Id;

        var statement = await SendAsync(admin.Client, HttpMethod.Post, "/api/v1/admin/statements", new { stage = "Intention", text = "We are fuzzing." });
        world._ids["statement"] = (Guid)statement["id"]!;

        var invitation = await SendAsync(admin.Client, HttpMethod.Post, "/api/v1/invitations", new { validForDays = 7, maxUses = 5 });
        world._ids["invitation"] = (Guid)invitation["id"]!;
        world._texts["invitationToken"] = (string)invitation["token"]!;

        world._texts["calendarToken"] = (string)(await SendAsync(target.Client, HttpMethod.Post, "/api/v1/me/calendar-feed", null))["token"]!;
        // No join request exists while joining is open; a random id still reaches the handler's "not found".
        world._ids["joinRequest"] = Guid.NewGuid();
        return world;
    }

    private static async Task<JsonNode> GetAsync(HttpClient client, string path)
    {
        using var response = await client.GetAsync(path);
        return await ReadAsync(response);
    }

    private static async Task<JsonNode> SendAsync(HttpClient client, HttpMethod method, string path, object? body)
    {
        using var response = await client.SendAsync(new HttpRequestMessage(method, path) { Content = body is null ? null : JsonContent.Create(body, options: Json.Options) });
        return await ReadAsync(response);
    }

    private static async Task<JsonNode> ReadAsync(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        return response.IsSuccessStatusCode
            ? JsonNode.Parse(text)!
            : throw new InvalidOperationException($"Setting up the fuzz world: {response.RequestMessage?.Method} {response.RequestMessage?.RequestUri} answered {(int)response.StatusCode}: {text}");
    }
}
