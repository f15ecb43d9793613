using CommunityOfPractice.Domain.Library;

namespace CommunityOfPractice.Contracts.Library;

/// <summary>The limits the Api enforces on the library, for clients that check or state them before sending.</summary>
public static class LibraryLimits
{
    /// <summary>The largest PDF by default (50 MB). The Api's limit is configurable (Library:MaxUploadBytes) and may be lower.</summary>
    public const long MaxUploadBytes = 50L * 1024 * 1024;

    public const int TitleMaxLength = LearningPaper.TitleMaxLength;
    public const int SummaryMaxLength = LearningPaper.SummaryMaxLength;
    public const int MaxPlaces = LearningPaper.MaxPlaces;

    /// <summary>A search has at most this many characters.</summary>
    public const int SearchQueryMaxLength = 200;

    /// <summary>Result pages are bounded, not endless: past this page, narrow the search.</summary>
    public const int SearchMaxPage = 50;

    public const int SearchDefaultLimit = 20;
    public const int SearchMaxLimit = 50;

    /// <summary>Chosen filter values, all facets together.</summary>
    public const int SearchMaxFilterValues = 20;
}
