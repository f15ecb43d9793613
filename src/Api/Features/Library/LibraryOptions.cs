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

    /// <summary>How PDFs are read: in a child process with its own memory and time budget (docs/decisions/0013).</summary>
    public ReaderOptions Reader { get; set; } = new();

    public sealed class ReaderOptions
    {
        /// <summary>The reader's managed heap limit (DOTNET_GCHeapHardLimit); a file that needs more fails.</summary>
        public int MemoryLimitMegabytes { get; set; } = 512;

        /// <summary>How long checking an upload may take (opening it, counting its pages) before the upload is refused.</summary>
        public TimeSpan InspectTimeout { get; set; } = TimeSpan.FromSeconds(20);

        /// <summary>How long reading the text of one version may take before its extraction fails.</summary>
        public TimeSpan ExtractTimeout { get; set; } = TimeSpan.FromMinutes(3);

        /// <summary>The most text taken from one version (characters, all pages); more fails the extraction.</summary>
        public int MaxTextCharacters { get; set; } = 10_000_000;

        /// <summary>Readers running at once on this instance (uploads and extraction together); each may use the memory limit.</summary>
        public int MaxConcurrent { get; set; } = 2;

        /// <summary>How long an upload waits for a free reader before it is asked to come back (429).</summary>
        public TimeSpan QueueTimeout { get; set; } = TimeSpan.FromSeconds(30);
    }

    public sealed class S3Options
    {
        public string? Endpoint { get; set; }
        public string? AccessKey { get; set; }
        public string? SecretKey { get; set; }
        public string Bucket { get; set; } = "learning-papers";
        public bool UseSsl { get; set; } = true;
    }
}
