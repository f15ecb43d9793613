using CommunityOfPractice.Domain.Community;

namespace CommunityOfPractice.Api.Data.Seeding;

/// <summary>
/// The guided self-assessment's first statements, written from the five stage descriptions
/// (DESIGN.md). Each is said in the organisation's voice and answered from 1 (not like us) to
/// 5 (exactly like us). Seeded once into an empty table; after that they are admins' data.
/// </summary>
internal static class StageStatements
{
    public static IReadOnlyList<(FrameworkStage Stage, string Text)> All { get; } =
    [
        (FrameworkStage.Intention, "We have talked about whether working through place could matter to what we do."),
        (FrameworkStage.Intention, "We can name the places where our work already has the most effect."),
        (FrameworkStage.Intention, "Someone in our organisation is asked to think about place, not only about programmes or people."),

        (FrameworkStage.Established, "We deliver a defined programme in this place, with its own aims, budget and staff."),
        (FrameworkStage.Established, "People in this place know our programme and how to take part in it."),
        (FrameworkStage.Established, "We measure how our programme is doing in this place."),

        (FrameworkStage.Connection, "We know the other programmes and services working in this place and what each is for."),
        (FrameworkStage.Connection, "We have mapped how our work links with, overlaps or gaps with the work of others here."),
        (FrameworkStage.Connection, "We meet others working here regularly to make sense of the place together."),

        (FrameworkStage.Mutuality, "We share buildings, spaces or equipment with other organisations in this place."),
        (FrameworkStage.Mutuality, "We share data, staff time or budgets with partners here, not only information."),
        (FrameworkStage.Mutuality, "Much of our work in this place reaches people through partners' spaces and networks rather than our own."),

        (FrameworkStage.Systemic, "We are committed to this place for the long term, beyond any one programme or grant."),
        (FrameworkStage.Systemic, "Funders, commissioners and other organisations here work with us to one shared, place-wide approach."),
        (FrameworkStage.Systemic, "What we do here is shaped by that shared approach to social change more than by our own plans."),
    ];
}
