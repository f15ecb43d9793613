namespace CommunityOfPractice.Domain.Library;

public enum ExtractionStatus
{
    /// <summary>Queued or being read: the paper shows "indexing…".</summary>
    Indexing = 1,
    Indexed = 2,
    Failed = 3,
}

/// <summary>
/// One uploaded file of a paper. Its text is extracted in the background, page by page, so
/// search can say on which page the words are.
/// </summary>
public sealed class PaperVersion
{
    public const int FileNameMaxLength = 200;
    public const int ErrorMaxLength = 500;

    // For materialisation from storage only.
    private PaperVersion()
    {
        Sha256 = string.Empty;
        FileName = string.Empty;
    }

    internal PaperVersion(Guid paperId, int number, StoredFile file, Guid uploadedById, DateTimeOffset now)
    {
        Id = Guid.CreateVersion7();
        PaperId = paperId;
        Number = number;
        Sha256 = file.Sha256;
        SizeBytes = file.SizeBytes;
        FileName = file.FileName;
        PageCount = file.PageCount;
        UploadedById = uploadedById;
        UploadedAt = now;
        Status = ExtractionStatus.Indexing;
    }

    public Guid Id { get; private set; }
    public Guid PaperId { get; private set; }
    public int Number { get; private set; }
    public string Sha256 { get; private set; }
    public long SizeBytes { get; private set; }
    public string FileName { get; private set; }
    public int PageCount { get; private set; }
    public Guid UploadedById { get; private set; }
    public DateTimeOffset UploadedAt { get; private set; }
    public ExtractionStatus Status { get; private set; }
    public string? ExtractionError { get; private set; }
    public DateTimeOffset? IndexedAt { get; private set; }

    public void Indexed(int pageCount, DateTimeOffset now)
    {
        Status = ExtractionStatus.Indexed;
        PageCount = pageCount;
        ExtractionError = null;
        IndexedAt = now;
    }

    public void Failed(string error, DateTimeOffset now)
    {
        Status = ExtractionStatus.Failed;
        ExtractionError = error.Length > ErrorMaxLength ? error[..ErrorMaxLength] : error;
        IndexedAt = now;
    }
}

/// <summary>The text of one page of a version, as extracted; what search matches and quotes.</summary>
public sealed class PaperPage
{
    public PaperPage(Guid versionId, int number, string text)
    {
        VersionId = versionId;
        Number = number;
        Text = text;
    }

    public Guid VersionId { get; private set; }
    public int Number { get; private set; }
    public string Text { get; private set; }
}
