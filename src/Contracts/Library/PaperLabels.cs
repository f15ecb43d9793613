using CommunityOfPractice.Domain.Library;

namespace CommunityOfPractice.Contracts.Library;

/// <summary>How paper types read to people: the Api labels facets with these and the Web shows them.</summary>
public static class PaperLabels
{
    public static string Label(this PaperType type) => type switch
    {
        PaperType.CaseStudy => "Case study",
        PaperType.PracticalTool => "Practical tool",
        _ => type.ToString(),
    };
}
