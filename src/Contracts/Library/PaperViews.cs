using CommunityOfPractice.Contracts.Common;
using CommunityOfPractice.Domain.Community;
using CommunityOfPractice.Domain.Library;

namespace CommunityOfPractice.Contracts.Library;

/// <summary>
/// One uploaded file of a paper. <see cref="ExtractionError"/> (why its text could not be read) is
/// for the uploader, the publisher and admins; others get null and see only the status.
/// </summary>
public sealed record PaperVersionView(
    int Number, string FileName, long SizeBytes, string Sha256, int PageCount, DateTimeOffset UploadedAt, NamedRef UploadedBy,
    ExtractionStatus Status, string? ExtractionError, string DownloadUrl);

/// <summary>
/// A paper with its versions (newest first). <see cref="Status"/> and <see cref="DownloadUrl"/> are the
/// current version's (null for a paper that links elsewhere); <see cref="DiscussedIn"/> and
/// <see cref="PresentedAt"/> are the threads and events that link to it, for members only.
/// </summary>
public sealed record PaperDetail(
    Guid Id, string Title, string Summary, string SummaryHtml, PaperType Type, IReadOnlyList<string> Authors, NamedRef? Organisation,
    DateOnly PublishedOn, IReadOnlyList<NamedRef> Places, IReadOnlyList<FrameworkStage> Stages, IReadOnlyList<string> Hashtags,
    string Licence, string? ExternalUrl, PaperVisibility Visibility, NamedRef? Thread, NamedRef PublishedBy, DateTimeOffset CreatedAt,
    int CurrentVersion, ExtractionStatus? Status, string? DownloadUrl, IReadOnlyList<PaperVersionView> Versions, bool CanAddVersion,
    IReadOnlyList<NamedRef> DiscussedIn, IReadOnlyList<NamedRef> PresentedAt);

/// <summary>A paper as a search result lists it: its details and its current version's state, no versions.</summary>
public sealed record PaperSummary(
    Guid Id, string Title, PaperType Type, IReadOnlyList<string> Authors, NamedRef? Organisation, DateOnly PublishedOn,
    IReadOnlyList<NamedRef> Places, IReadOnlyList<FrameworkStage> Stages, IReadOnlyList<string> Hashtags, PaperVisibility Visibility,
    string? ExternalUrl, int CurrentVersion, ExtractionStatus? Status, int? PageCount, string? DownloadUrl);
