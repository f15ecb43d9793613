using CommunityOfPractice.Domain.Journey;

namespace CommunityOfPractice.Domain.Tests.Journey;

/// <summary>A valid assessment entry to vary one detail of per test.</summary>
internal static class AssessmentBuilder
{
    public static readonly DateOnly Today = new(2026, 11, 4);
    public static readonly DateTimeOffset Now = new(2026, 11, 4, 12, 30, 0, TimeSpan.Zero);

    public static StageAssessment.Entry Entry(
        FrameworkStage stage = FrameworkStage.Connection, DateOnly? on = null, Guid? organisationId = null, Guid? placeId = null) =>
        new(
            organisationId ?? Ids.Organisation,
            placeId ?? Ids.Place,
            stage,
            on ?? Today.AddDays(-1),
            "We meet the other anchor organisations in Hackney every month.",
            "<p>We meet the other anchor organisations in Hackney every month.</p>",
            AssessmentVisibility.Community,
            [],
            [],
            [Ids.Agreer]);

    public static StageAssessment Recorded(FrameworkStage stage, DateOnly on, DateTimeOffset? at = null) =>
        StageAssessment.Record(Entry(stage, on), Ids.Recorder, Today, at ?? Now);

    public static class Ids
    {
        public static readonly Guid Organisation = Guid.NewGuid();
        public static readonly Guid Place = Guid.NewGuid();
        public static readonly Guid Agreer = Guid.NewGuid();
        public static readonly Guid Recorder = Guid.NewGuid();
    }
}
