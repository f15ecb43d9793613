using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace CommunityOfPractice.Api.Infrastructure.OpenApi;

/// <summary>
/// The document's own words: its title, the tags' descriptions, and a server relative to where
/// the document is read from (the served copy must not name the host it happened to be asked on,
/// so it reads the same in tests, locally and behind a proxy).
/// </summary>
internal sealed class ApiDescriptionTransformer : IOpenApiDocumentTransformer
{
    private static readonly Dictionary<string, string> _tags = new(StringComparer.Ordinal)
    {
        ["Account"] = "Joining the community and confirming an email address.",
        ["Admin"] = "Managing people and their roles (admins).",
        ["Events"] = "Gatherings and webinars: registration, waitlist, attendance and calendars.",
        ["Framework"] = "The five stages organisations move through.",
        ["Library"] = "Learning papers: publishing, versions, files and full-text search.",
        ["Organisations"] = "Organisations members belong to.",
        ["People"] = "Members as other members see them.",
        ["Places"] = "The places the community works in.",
        ["Profile"] = "The signed-in member's own profile.",
        ["Q&A"] = "Live webinar questions: ask, upvote, and the host's moderation.",
        ["Threads"] = "Discussions with live replies, moderation and reading position.",
    };

    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        document.Info.Title = "Community of Practice API";
        document.Info.Description = "JSON under /api/v1; errors are RFC 9457 problem details with field messages. See docs/api.md.";
        document.Servers = [new OpenApiServer { Url = "/", Description = "The Api's own origin" }];
        document.Tags = new HashSet<OpenApiTag>(
            _tags.Select(tag => new OpenApiTag { Name = tag.Key, Description = tag.Value }));
        return Task.CompletedTask;
    }
}
