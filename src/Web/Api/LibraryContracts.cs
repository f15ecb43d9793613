using CommunityOfPractice.Contracts.Common;

namespace CommunityOfPractice.Web.Api;

// The library's JSON shapes, as the Web reads and sends them (enums are their names, e.g. "CaseStudy").

public sealed record PaperVersion(
    int Number, string FileName, long SizeBytes, string Sha256, int PageCount, DateTimeOffset UploadedAt, NamedRef UploadedBy,
    string Status, string? ExtractionError, string DownloadUrl);

public sealed record Paper(
    Guid Id, string Title, string Summary, string SummaryHtml, string Type, IReadOnlyList<string> Authors, NamedRef? Organisation,
    DateOnly PublishedOn, IReadOnlyList<NamedRef> Places, IReadOnlyList<string> Stages, IReadOnlyList<string> Hashtags, string Licence,
    string? ExternalUrl, string Visibility, NamedRef? Thread, NamedRef PublishedBy, DateTimeOffset CreatedAt, int CurrentVersion,
    string? Status, string? DownloadUrl, IReadOnlyList<PaperVersion> Versions, bool CanAddVersion, IReadOnlyList<NamedRef> DiscussedIn,
    IReadOnlyList<NamedRef> PresentedAt);

public sealed record PaperSummary(
    Guid Id, string Title, string Type, IReadOnlyList<string> Authors, NamedRef? Organisation, DateOnly PublishedOn,
    IReadOnlyList<NamedRef> Places, IReadOnlyList<string> Stages, IReadOnlyList<string> Hashtags, string Visibility, string? ExternalUrl,
    int CurrentVersion, string? Status, int? PageCount, string? DownloadUrl);

public sealed record SearchHit(PaperSummary Paper, string? SnippetHtml, int? Page, double Rank);

public sealed record FacetValue(string Value, string Label, int Count, bool Selected);

public sealed record SearchFacets(
    IReadOnlyList<FacetValue> Types, IReadOnlyList<FacetValue> Places, IReadOnlyList<FacetValue> Stages,
    IReadOnlyList<FacetValue> Organisations, IReadOnlyList<FacetValue> Years);

public sealed record SearchResults(string? Query, IReadOnlyList<SearchHit> Items, int Total, int Page, int Limit, bool HasMore, SearchFacets Facets);

/// <summary>What the library search page asks for; every list is "any of".</summary>
public sealed record PaperSearch(
    string? Q, IReadOnlyList<string> Types, IReadOnlyList<Guid> PlaceIds, IReadOnlyList<string> Stages, IReadOnlyList<Guid> OrganisationIds,
    IReadOnlyList<int> Years, int Page);

public sealed record PublishPaperRequest(
    string Title, string? Summary, string? Type, IReadOnlyList<string> Authors, Guid? OrganisationId, DateOnly? PublishedOn,
    IReadOnlyList<Guid> PlaceIds, IReadOnlyList<string> Stages, IReadOnlyList<string> Hashtags, string? Licence, string? ExternalUrl,
    string? Visibility);

/// <summary>A file to send on: read from the browser's upload as it goes.</summary>
public sealed record UploadFile(Stream Content, string FileName);
