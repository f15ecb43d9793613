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

/// <summary>
/// What each stage means, in the framework's own terms, and what sets it apart from the stage
/// before: the words every page, seed and the guided self-assessment use for a stage.
/// </summary>
public static class FrameworkStages
{
    public static IReadOnlyList<FrameworkStage> InOrder { get; } = Enum.GetValues<FrameworkStage>();

    public static string Describe(this FrameworkStage stage) => stage switch
    {
        FrameworkStage.Intention =>
            "The organisation is becoming aware that working through place may be relevant to what it does.",
        FrameworkStage.Established =>
            "The organisation's focus is on delivering a defined programme of its own in the place.",
        FrameworkStage.Connection =>
            "The organisation is making sense of how the many interventions in the place connect with one another.",
        FrameworkStage.Mutuality =>
            "The organisation shares space and assets with others in the place, and engages with the place through them.",
        FrameworkStage.Systemic =>
            "The organisation is part of a long-term, place-wide approach to social change.",
        _ => throw new ArgumentOutOfRangeException(nameof(stage), stage, "Unknown framework stage."),
    };

    /// <summary>What an organisation does at this stage that it did not at the one before.</summary>
    public static string Distinguishes(this FrameworkStage stage) => stage switch
    {
        FrameworkStage.Intention =>
            "Place comes into view: the organisation starts to ask whether working through place matters to its work.",
        FrameworkStage.Established =>
            "From interest to delivery: a defined programme is actually running in the place.",
        FrameworkStage.Connection =>
            "From its own programme to the whole picture: it looks at how everyone's work in the place fits together.",
        FrameworkStage.Mutuality =>
            "From understanding to sharing: space and assets are held with partners, and the work runs through them. " +
            "This is the move that matters most, into systemic collaboration.",
        FrameworkStage.Systemic =>
            "From partnerships to the whole place: every funder, commissioner and stakeholder works to one long-term approach.",
        _ => throw new ArgumentOutOfRangeException(nameof(stage), stage, "Unknown framework stage."),
    };

    /// <summary>The stage after this one, or null at the last.</summary>
    public static FrameworkStage? Next(this FrameworkStage stage) =>
        stage == FrameworkStage.Systemic ? null : stage + 1;

    /// <summary>
    /// Connection → Mutuality: where an organisation pushes its work into systemic collaboration
    /// with partners. Timelines single it out.
    /// </summary>
    public static bool IsTheMoveThatMattersMost(FrameworkStage from, FrameworkStage to) =>
        from == FrameworkStage.Connection && to == FrameworkStage.Mutuality;
}
