namespace CommunityOfPractice.Api.Features.Library;

/// <summary>Settings of the learning-paper library (section "Library").</summary>
public sealed class LibraryOptions
{
    public const string Section = "Library";

    /// <summary>Largest PDF accepted, in bytes (default 50 MB).</summary>
    public long MaxUploadBytes { get; set; } = 50L * 1024 * 1024;

    /// <summary>The most pages a PDF may have: a report, even a long one, has far fewer; beyond it the upload is refused on <c>file</c>.</summary>
    public int MaxPages { get; set; } = 2_000;

    /// <summary>Folder for the files on local disk (relative to the Api's content root).</summary>
    public string StoragePath { get; set; } = "App_Data/library";

    /// <summary>S3-compatible object storage; used instead of local disk when Endpoint is set.</summary>
    public S3Options S3 { get; set; } = new();

    /// <summary>How often the extraction worker looks for work it was not told about (other instances, restarts).</summary>
    public TimeSpan ExtractionPollInterval { get; set; } = TimeSpan.FromSeconds(10);

    public sealed class S3Options
    {
        public string? Endpoint { get; set; }
        public string? AccessKey { get; set; }
        public string? SecretKey { get; set; }
        public string Bucket { get; set; } = "learning-papers";
        public bool UseSsl { get; set; } = true;
    }
}
