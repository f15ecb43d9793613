using System.Security.Claims;
using CommunityOfPractice.Api.Identity;
using CommunityOfPractice.Api.Infrastructure;
using CommunityOfPractice.Contracts;
using CommunityOfPractice.Contracts.Common;
using CommunityOfPractice.Domain.Community;
using CommunityOfPractice.Domain.Library;
using OpenIddict.Abstractions;

namespace CommunityOfPractice.Api.Features.Library;

/// <summary>Who is asking: visitors see public papers; members see members-only ones too.</summary>
public sealed record LibraryReader(Guid? MemberId, bool IsAdmin)
{
    public static readonly LibraryReader Visitor = new(null, false);

    public bool IsMember => MemberId is not null;

    public static LibraryReader From(ClaimsPrincipal user) =>
        user.Identity?.IsAuthenticated == true && user.HasScope(IdentitySetup.ApiScope)
            ? new LibraryReader(user.MemberId(), user.IsInRole(Roles.Admin))
            : Visitor;
}

public sealed record PaperVersionView(
    int Number, string FileName, long SizeBytes, string Sha256, int PageCount, DateTimeOffset UploadedAt, NamedRef UploadedBy,
    ExtractionStatus Status, string? ExtractionError, string DownloadUrl);

public sealed record PaperDetail(
    Guid Id, string Title, string Summary, string SummaryHtml, PaperType Type, IReadOnlyList<string> Authors, NamedRef? Organisation,
    DateOnly PublishedOn, IReadOnlyList<NamedRef> Places, IReadOnlyList<FrameworkStage> Stages, IReadOnlyList<string> Hashtags,
    string Licence, string? ExternalUrl, PaperVisibility Visibility, NamedRef? Thread, NamedRef PublishedBy, DateTimeOffset CreatedAt,
    int CurrentVersion, ExtractionStatus? Status, string? DownloadUrl, IReadOnlyList<PaperVersionView> Versions, bool CanAddVersion,
    IReadOnlyList<NamedRef> DiscussedIn, IReadOnlyList<NamedRef> PresentedAt);

public sealed record PaperSummary(
    Guid Id, string Title, PaperType Type, IReadOnlyList<string> Authors, NamedRef? Organisation, DateOnly PublishedOn,
    IReadOnlyList<NamedRef> Places, IReadOnlyList<FrameworkStage> Stages, IReadOnlyList<string> Hashtags, PaperVisibility Visibility,
    string? ExternalUrl, int CurrentVersion, ExtractionStatus? Status, int? PageCount, string? DownloadUrl);

/// <summary>A result: the paper, and where the words are (HTML with &lt;mark&gt;, text escaped) and on which page.</summary>
public sealed record SearchHit(PaperSummary Paper, string? SnippetHtml, int? Page, double Rank);

public sealed record FacetValue(string Value, string Label, int Count, bool Selected);

public sealed record SearchFacets(
    IReadOnlyList<FacetValue> Types, IReadOnlyList<FacetValue> Places, IReadOnlyList<FacetValue> Stages,
    IReadOnlyList<FacetValue> Organisations, IReadOnlyList<FacetValue> Years);

public sealed record SearchResults(string? Query, IReadOnlyList<SearchHit> Items, int Total, int Page, int Limit, bool HasMore, SearchFacets Facets);

public static class PaperLinks
{
    public static string File(Guid paperId) => $"/api/v1/papers/{paperId}/file";

    public static string File(Guid paperId, int version) => $"/api/v1/papers/{paperId}/versions/{version}/file";

    public static string Label(this PaperType type) => type switch
    {
        PaperType.CaseStudy => "Case study",
        PaperType.PracticalTool => "Practical tool",
        _ => type.ToString(),
    };
}
