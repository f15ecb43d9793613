using CommunityOfPractice.Domain.Journey;
using static CommunityOfPractice.Domain.Tests.Journey.AssessmentBuilder;

namespace CommunityOfPractice.Domain.Tests.Journey;

public sealed class StageTimelineTests
{
    private static readonly DateOnly _january = new(2026, 1, 15);

    [Fact]
    public void Entries_are_ordered_by_date_and_each_change_of_stage_is_marked()
    {
        var mutuality = Recorded(FrameworkStage.Mutuality, _january.AddMonths(6));
        var established = Recorded(FrameworkStage.Established, _january);
        var connection = Recorded(FrameworkStage.Connection, _january.AddMonths(3));
        var stillConnection = Recorded(FrameworkStage.Connection, _january.AddMonths(4));

        var timeline = StageTimeline.Build([mutuality, established, connection, stillConnection]);

        Assert.Equal([established, connection, stillConnection, mutuality], timeline.Select(s => s.Entry));
        Assert.Equal([null, "moved from Established to Connection", null, "moved from Connection to Mutuality"], timeline.Select(s => s.Mark));
        Assert.Equal([false, false, false, true], timeline.Select(s => s.IsTheMoveThatMattersMost));
        Assert.Equal(FrameworkStage.Mutuality, StageTimeline.CurrentStage(timeline));
    }

    [Fact]
    public void A_correction_replaces_what_it_corrects_down_a_chain()
    {
        var established = Recorded(FrameworkStage.Established, _january);
        var wrong = Recorded(FrameworkStage.Systemic, _january.AddMonths(3));
        var stillWrong = wrong.CorrectWith(Entry(FrameworkStage.Mutuality, _january.AddMonths(3)), Ids.Recorder, Today, Now.AddMinutes(1));
        var right = stillWrong.CorrectWith(Entry(FrameworkStage.Connection, _january.AddMonths(2)), Ids.Recorder, Today, Now.AddMinutes(2));

        var timeline = StageTimeline.Build([right, wrong, established, stillWrong]);

        Assert.Equal([established, right], timeline.Select(s => s.Entry));
        Assert.Equal("moved from Established to Connection", timeline[1].Mark);
    }

    [Fact]
    public void Entries_on_the_same_day_keep_the_order_they_were_recorded_in()
    {
        var first = Recorded(FrameworkStage.Connection, _january, Now);
        var second = Recorded(FrameworkStage.Mutuality, _january, Now.AddMinutes(5));

        var timeline = StageTimeline.Build([second, first]);

        Assert.Equal([first, second], timeline.Select(s => s.Entry));
    }

    [Fact]
    public void What_the_reader_may_not_see_is_left_out_and_never_shows_as_a_move()
    {
        var connection = Recorded(FrameworkStage.Connection, _january);
        var hiddenMutuality = Recorded(FrameworkStage.Mutuality, _january.AddMonths(1));
        var connectionAgain = Recorded(FrameworkStage.Connection, _january.AddMonths(2));
        var visible = new HashSet<Guid> { connection.Id, connectionAgain.Id };

        var timeline = StageTimeline.Build([connection, hiddenMutuality, connectionAgain], e => visible.Contains(e.Id));

        Assert.Equal([connection, connectionAgain], timeline.Select(s => s.Entry));
        Assert.All(timeline, step => Assert.False(step.IsMove));
    }

    [Fact]
    public void A_public_entry_replaced_by_a_private_correction_is_hidden_too()
    {
        var published = Recorded(FrameworkStage.Mutuality, _january);
        var privateCorrection = published.CorrectWith(
            Entry(FrameworkStage.Connection, _january) with { Visibility = AssessmentVisibility.Private }, Ids.Recorder, Today, Now.AddMinutes(1));

        var timeline = StageTimeline.Build([published, privateCorrection], e => e.Id != privateCorrection.Id);

        Assert.Empty(timeline);
        Assert.Null(StageTimeline.CurrentStage(timeline));
    }
}
