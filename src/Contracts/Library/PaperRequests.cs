using CommunityOfPractice.Domain.Community;
using CommunityOfPractice.Domain.Library;

namespace CommunityOfPractice.Contracts.Library;

/// <summary>
/// The JSON "metadata" part of a multipart upload that publishes a paper (the PDF is the "file"
/// part, or <see cref="ExternalUrl"/> names where the paper lives instead). Every field is
/// nullable so that what is missing is reported on its own field rather than as unreadable JSON.
/// <see cref="Visibility"/> defaults to members only.
/// </summary>
public sealed record PublishPaperRequest(
    string? Title, string? Summary, PaperType? Type, IReadOnlyList<string>? Authors, Guid? OrganisationId, DateOnly? PublishedOn,
    IReadOnlyList<Guid>? PlaceIds, IReadOnlyList<FrameworkStage>? Stages, IReadOnlyList<string>? Hashtags, string? Licence,
    string? ExternalUrl, PaperVisibility? Visibility, Guid? ThreadId);
