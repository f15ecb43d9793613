using CommunityOfPractice.Domain.Community;

namespace CommunityOfPractice.Domain.Journey;

/// <summary>
/// What a timeline needs of an assessment. <see cref="StageAssessment"/> has it, and so can a
/// query's projection, so pages build timelines without loading whole assessments.
/// </summary>
public interface IStageEntry
{
    Guid Id { get; }
    Guid? CorrectsId { get; }
    FrameworkStage Stage { get; }
    DateOnly AssessedOn { get; }
    DateTimeOffset RecordedAt { get; }
}

/// <summary>One entry of a timeline, and the move it marks when its stage differs from the entry before.</summary>
public sealed record TimelineStep<T>(T Entry, FrameworkStage? MovedFrom)
    where T : IStageEntry
{
    public bool IsMove => MovedFrom is not null;

    /// <summary>Connection → Mutuality: the move the framework singles out.</summary>
    public bool IsTheMoveThatMattersMost => MovedFrom is { } from && FrameworkStages.IsTheMoveThatMattersMost(from, Entry.Stage);

    /// <summary>"moved from Connection to Mutuality", or null when the stage held.</summary>
    public string? Mark => MovedFrom is { } from ? $"moved from {from} to {Entry.Stage}" : null;
}

/// <summary>
/// One organisation's journey in one place, read from its append-only history: an entry that
/// another corrects is replaced by the correction (a chain of corrections leaves its last),
/// the rest are ordered by date (then by when they were recorded), and each change of stage is
/// marked as a move. Movement, not rank, is what the product shows.
/// </summary>
public static class StageTimeline
{
    /// <summary>
    /// Builds the timeline of one organisation in one place. <paramref name="mayRead"/> leaves
    /// out what the reader may not see; it is applied after corrections are resolved, so an
    /// entry replaced by a correction the reader cannot see stays hidden too, and moves are
    /// marked only between entries the reader sees (a hidden stage never shows as "moved from").
    /// </summary>
    public static IReadOnlyList<TimelineStep<T>> Build<T>(IEnumerable<T> entries, Func<T, bool>? mayRead = null)
        where T : IStageEntry
    {
        var all = entries.ToList();
        var corrected = all.Select(e => e.CorrectsId).OfType<Guid>().ToHashSet();
        var current = all
            .Where(e => !corrected.Contains(e.Id))
            .Where(e => mayRead is null || mayRead(e))
            .OrderBy(e => e.AssessedOn)
            .ThenBy(e => e.RecordedAt)
            .ThenBy(e => e.Id);

        var steps = new List<TimelineStep<T>>();
        FrameworkStage? previous = null;
        foreach (var entry in current)
        {
            steps.Add(new TimelineStep<T>(entry, previous is { } stage && stage != entry.Stage ? stage : null));
            previous = entry.Stage;
        }

        return steps;
    }

    /// <summary>The stage an organisation stands at now: the last entry of its timeline, if any.</summary>
    public static FrameworkStage? CurrentStage<T>(IReadOnlyList<TimelineStep<T>> timeline)
        where T : IStageEntry =>
        timeline.Count == 0 ? null : timeline[^1].Entry.Stage;
}
