namespace CommunityOfPractice.Domain.Community;

/// <summary>
/// The community's five-stage framework that an organisation or a place moves through, in order.
/// The numeric values are stored, so they must never be renumbered.
/// </summary>
public enum FrameworkStage
{
    Intention = 1,
    Established = 2,
    Connection = 3,
    Mutuality = 4,
    Systemic = 5,
}

public static class FrameworkStages
{
    public static IReadOnlyList<FrameworkStage> InOrder { get; } = Enum.GetValues<FrameworkStage>();

    public static string Describe(this FrameworkStage stage) => stage switch
    {
        FrameworkStage.Intention => "A shared intention to change the place is named and people gather around it.",
        FrameworkStage.Established => "The work has a home: people, resources and ways of working are in place.",
        FrameworkStage.Connection => "Relationships form across organisations, sectors and residents.",
        FrameworkStage.Mutuality => "Partners share power, risk and learning as equals.",
        FrameworkStage.Systemic => "The way the place works has changed, and the change holds.",
        _ => throw new ArgumentOutOfRangeException(nameof(stage), stage, "Unknown framework stage."),
    };
}
