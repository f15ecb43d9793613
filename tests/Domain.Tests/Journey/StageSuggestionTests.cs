using CommunityOfPractice.Domain.Journey;

namespace CommunityOfPractice.Domain.Tests.Journey;

public sealed class StageSuggestionTests
{
    private static Dictionary<FrameworkStage, IReadOnlyCollection<int>> Answers(params (FrameworkStage Stage, int[] Values)[] byStage) =>
        byStage.ToDictionary(s => s.Stage, s => (IReadOnlyCollection<int>)s.Values);

    [Fact]
    public void Strong_answers_up_to_connection_suggest_connection_and_say_what_marks_mutuality()
    {
        var suggestion = StageSuggestion.Suggest(Answers(
            (FrameworkStage.Intention, [5, 5]),
            (FrameworkStage.Established, [4, 5]),
            (FrameworkStage.Connection, [4, 4]),
            (FrameworkStage.Mutuality, [3, 4]),
            (FrameworkStage.Systemic, [1, 1])));

        Assert.Equal(FrameworkStage.Connection, suggestion.Stage);
        Assert.Equal(FrameworkStage.Mutuality, suggestion.Next);
        Assert.Equal(FrameworkStage.Mutuality.Distinguishes(), suggestion.WhatDistinguishesNext);
    }

    [Fact]
    public void An_average_of_exactly_four_is_enough_and_just_under_is_not()
    {
        var atFour = StageSuggestion.Suggest(Answers((FrameworkStage.Intention, [4, 4]), (FrameworkStage.Established, [3, 5])));
        var underFour = StageSuggestion.Suggest(Answers((FrameworkStage.Intention, [4, 4]), (FrameworkStage.Established, [3, 4, 5, 3])));

        Assert.Equal(FrameworkStage.Established, atFour.Stage);
        Assert.Equal(FrameworkStage.Intention, underFour.Stage);
    }

    [Fact]
    public void A_weak_lower_stage_caps_the_suggestion_however_strong_the_stages_above()
    {
        var suggestion = StageSuggestion.Suggest(Answers(
            (FrameworkStage.Intention, [5]),
            (FrameworkStage.Established, [2]),
            (FrameworkStage.Connection, [5]),
            (FrameworkStage.Mutuality, [5]),
            (FrameworkStage.Systemic, [5])));

        Assert.Equal(FrameworkStage.Intention, suggestion.Stage);
    }

    [Fact]
    public void Every_organisation_is_at_least_at_intention()
    {
        Assert.Equal(FrameworkStage.Intention, StageSuggestion.Suggest(Answers((FrameworkStage.Intention, [1, 2]))).Stage);
        Assert.Equal(FrameworkStage.Intention, StageSuggestion.Suggest(Answers()).Stage);
    }

    [Fact]
    public void A_stage_without_answers_is_not_reached()
    {
        var suggestion = StageSuggestion.Suggest(Answers(
            (FrameworkStage.Intention, [5]),
            (FrameworkStage.Established, [5]),
            (FrameworkStage.Mutuality, [5])));

        Assert.Equal(FrameworkStage.Established, suggestion.Stage);
    }

    [Fact]
    public void All_strong_answers_suggest_systemic_with_nothing_after_it()
    {
        var all = FrameworkStages.InOrder.Select(s => (s, new[] { 5, 4 })).ToArray();

        var suggestion = StageSuggestion.Suggest(Answers(all));

        Assert.Equal(FrameworkStage.Systemic, suggestion.Stage);
        Assert.Null(suggestion.Next);
        Assert.Null(suggestion.WhatDistinguishesNext);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(6)]
    public void An_answer_off_the_scale_is_refused(int value)
    {
        Assert.Throws<DomainException>(() => StageSuggestion.Suggest(Answers((FrameworkStage.Intention, [value]))));
        Assert.Throws<DomainException>(() => StatementAnswer.Of(Guid.NewGuid(), value));
    }

    [Fact]
    public void Answers_to_statements_are_grouped_by_the_statements_stages()
    {
        var intention = AssessmentStatement.Create(FrameworkStage.Intention, "We have asked whether place matters to our work.", 1);
        var established = AssessmentStatement.Create(FrameworkStage.Established, "We run a defined programme here.", 1);
        var connection = AssessmentStatement.Create(FrameworkStage.Connection, "We know how the work here connects.", 1);

        var suggestion = StageSuggestion.Suggest(
            [new StatementAnswer(intention.Id, 5), new StatementAnswer(established.Id, 4), new StatementAnswer(connection.Id, 2)],
            [intention, established, connection]);

        Assert.Equal(FrameworkStage.Established, suggestion.Stage);
        Assert.Equal(FrameworkStage.Connection, suggestion.Next);
    }

    [Fact]
    public void An_answer_to_a_statement_outside_the_assessment_is_refused()
    {
        var intention = AssessmentStatement.Create(FrameworkStage.Intention, "We have asked whether place matters to our work.", 1);

        Assert.Throws<DomainException>(() => StageSuggestion.Suggest([new StatementAnswer(Guid.NewGuid(), 5)], [intention]));
    }
}
