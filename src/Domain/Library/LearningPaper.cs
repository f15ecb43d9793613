using CommunityOfPractice.Domain.Common;
using CommunityOfPractice.Domain.Community;

namespace CommunityOfPractice.Domain.Library;

public enum PaperType
{
    Report = 1,
    CaseStudy = 2,
    Framework = 3,
    PracticalTool = 4,
    Evaluation = 5,
}

/// <summary>Who may read and download a paper: anyone with the link, or signed-in members only.</summary>
public enum PaperVisibility
{
    Public = 1,
    Members = 2,
}

/// <summary>
/// A learning paper shared with the community: a report, case study, framework, practical tool or
/// evaluation. Either a PDF kept here (in numbered versions; the newest is current) or a link to a
/// page hosted elsewhere.
/// </summary>
public sealed class LearningPaper
{
    public const int TitleMaxLength = 200;
    public const int SummaryMaxLength = 10_000;
    public const int MaxAuthors = 20;
    public const int AuthorMaxLength = 100;
    public const int MaxPlaces = 10;
    public const int LicenceMaxLength = 100;
    public const int UrlMaxLength = 500;

    private readonly List<Place> _places = [];
    private readonly List<PaperVersion> _versions = [];

    // For materialisation from storage only.
    private LearningPaper()
    {
        Title = string.Empty;
        Summary = string.Empty;
        SummaryHtml = string.Empty;
        Licence = string.Empty;
    }

    public Guid Id { get; private set; }
    public string Title { get; private set; }
    public string Summary { get; private set; }
    public string SummaryHtml { get; private set; }
    public PaperType Type { get; private set; }
    public List<string> Authors { get; private set; } = [];
    public Guid? OrganisationId { get; private set; }
    public DateOnly PublishedOn { get; private set; }
    public IReadOnlyCollection<Place> Places => _places;
    public List<FrameworkStage> Stages { get; private set; } = [];
    public List<string> Hashtags { get; private set; } = [];
    public List<string> HashtagKeys { get; private set; } = [];
    public string Licence { get; private set; }
    public string? ExternalUrl { get; private set; }
    public PaperVisibility Visibility { get; private set; }

    /// <summary>The thread where the paper is discussed, if there is one.</summary>
    public Guid? ThreadId { get; private set; }

    public Guid PublishedById { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset UpdatedAt { get; private set; }
    public int CurrentVersion { get; private set; }
    public IReadOnlyCollection<PaperVersion> Versions => _versions;

    public sealed record Details(
        string Title, string Summary, string SummaryHtml, PaperType Type, IReadOnlyList<string> Authors, Guid? OrganisationId,
        DateOnly PublishedOn, IReadOnlyList<FrameworkStage> Stages, IReadOnlyList<string> Hashtags, string Licence,
        string? ExternalUrl, PaperVisibility Visibility, Guid? ThreadId);

    public static LearningPaper Publish(Details details, IReadOnlyCollection<Place> places, Guid publishedById, StoredFile? file, DateTimeOffset now)
    {
        var title = details.Title.Trim();
        if (title.Length is 0 or > TitleMaxLength)
        {
            throw new DomainException($"A title has 1 to {TitleMaxLength} characters.");
        }

        if (places.Count > MaxPlaces)
        {
            throw new DomainException($"A paper names at most {MaxPlaces} places.");
        }

        if ((file is null) == string.IsNullOrWhiteSpace(details.ExternalUrl))
        {
            throw new DomainException("A paper is either a PDF kept here or a link to a page elsewhere.");
        }

        var paper = new LearningPaper
        {
            Id = Guid.CreateVersion7(),
            Title = title,
            Summary = details.Summary.Trim(),
            SummaryHtml = details.SummaryHtml,
            Type = details.Type,
            Authors = [.. details.Authors.Select(a => a.Trim()).Where(a => a.Length > 0).Distinct()],
            OrganisationId = details.OrganisationId,
            PublishedOn = details.PublishedOn,
            Stages = [.. details.Stages.Distinct().Order()],
            Hashtags = [.. details.Hashtags.Select(t => t.TrimStart('#').Trim()).Where(t => t.Length > 0).DistinctBy(Discussions.Hashtags.Key)],
            Licence = details.Licence.Trim(),
            ExternalUrl = string.IsNullOrWhiteSpace(details.ExternalUrl) ? null : details.ExternalUrl.Trim(),
            Visibility = details.Visibility,
            ThreadId = details.ThreadId,
            PublishedById = publishedById,
            CreatedAt = now,
            UpdatedAt = now,
        };
        paper.HashtagKeys = [.. paper.Hashtags.Select(Discussions.Hashtags.Key)];
        paper._places.AddRange(places);
        if (file is not null)
        {
            paper.AddVersion(file, publishedById, now);
        }

        return paper;
    }

    /// <summary>A new file becomes the current version; earlier versions stay downloadable.</summary>
    public PaperVersion AddVersion(StoredFile file, Guid uploadedById, DateTimeOffset now)
    {
        if (ExternalUrl is not null)
        {
            throw new DomainException("This paper links to a page elsewhere; it has no files here.");
        }

        var version = new PaperVersion(Id, CurrentVersion + 1, file, uploadedById, now);
        _versions.Add(version);
        CurrentVersion = version.Number;
        UpdatedAt = now;
        return version;
    }
}

/// <summary>A checked PDF in storage, named by the SHA-256 of its content.</summary>
public sealed record StoredFile(string Sha256, long SizeBytes, string FileName, int PageCount);
