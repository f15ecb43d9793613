namespace CommunityOfPractice.Domain.Tests;

public sealed class StageDescriptionTests
{
    [Fact]
    public void Every_stage_has_a_description_and_says_what_distinguishes_it()
    {
        Assert.All(FrameworkStages.InOrder, stage =>
        {
            Assert.False(string.IsNullOrWhiteSpace(stage.Describe()));
            Assert.False(string.IsNullOrWhiteSpace(stage.Distinguishes()));
        });
    }

    [Fact]
    public void Only_connection_to_mutuality_is_the_move_that_matters_most()
    {
        var moves = FrameworkStages.InOrder.SelectMany(from => FrameworkStages.InOrder.Select(to => (from, to)))
            .Where(move => FrameworkStages.IsTheMoveThatMattersMost(move.from, move.to));

        Assert.Equal([(FrameworkStage.Connection, FrameworkStage.Mutuality)], moves);
    }
}
