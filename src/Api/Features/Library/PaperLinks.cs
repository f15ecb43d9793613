namespace CommunityOfPractice.Api.Features.Library;

/// <summary>Where a paper's files are served: the download links the views carry and the Location of a new version.</summary>
public static class PaperLinks
{
    public static string Paper(Guid paperId) => $"/api/v1/papers/{paperId}";

    public static string File(Guid paperId) => $"/api/v1/papers/{paperId}/file";

    public static string File(Guid paperId, int version) => $"/api/v1/papers/{paperId}/versions/{version}/file";
}
