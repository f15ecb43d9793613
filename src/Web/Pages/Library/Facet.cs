using CommunityOfPractice.Contracts.Library;

namespace CommunityOfPractice.Web.Pages.Library;

/// <summary>One group of filter checkboxes: a heading, the query-string name and the values with their counts.</summary>
public sealed record Facet(string Heading, string Name, IReadOnlyList<FacetValue> Values);
