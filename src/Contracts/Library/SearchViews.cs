namespace CommunityOfPractice.Contracts.Library;

/// <summary>A result: the paper, and where the words are (HTML with &lt;mark&gt;, text escaped) and on which page.</summary>
public sealed record SearchHit(PaperSummary Paper, string? SnippetHtml, int? Page, double Rank);

/// <summary>
/// One value of a filter with how many papers it would give alongside the other filters chosen.
/// <see cref="Value"/> is what goes back in the query string (an enum name, an id, a year).
/// </summary>
public sealed record FacetValue(string Value, string Label, int Count, bool Selected);

public sealed record SearchFacets(
    IReadOnlyList<FacetValue> Types, IReadOnlyList<FacetValue> Places, IReadOnlyList<FacetValue> Stages,
    IReadOnlyList<FacetValue> Organisations, IReadOnlyList<FacetValue> Years);

/// <summary>A page of results; <see cref="Query"/> is the search as the Api understood it (null for none).</summary>
public sealed record SearchResults(string? Query, IReadOnlyList<SearchHit> Items, int Total, int Page, int Limit, bool HasMore, SearchFacets Facets);
