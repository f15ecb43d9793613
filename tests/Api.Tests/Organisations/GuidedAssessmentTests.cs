using CommunityOfPractice.Contracts.Community;
using CommunityOfPractice.Domain.Community;
using CommunityOfPractice.Domain.Journey;

namespace CommunityOfPractice.Api.Tests.Organisations;

[Collection(ApiCollection.Name)]
public sealed class GuidedAssessmentTests(ApiFactory api)
{
    [Fact]
    public async Task Anyone_reads_the_statements_for_every_stage()
    {
        var statements = await api.CreateClient().GetFromJsonAsync<StatementView[]>("/api/v1/stages/statements", Json.Options);

        Assert.Equal(FrameworkStages.InOrder, statements!.Select(s => s.Stage).Distinct());
        Assert.All(statements!, s => Assert.False(string.IsNullOrWhiteSpace(s.Text)));
    }

    [Fact]
    public async Task The_tool_suggests_a_stage_and_says_what_distinguishes_the_next()
    {
        var scenario = await OrganisationScenario.StartAsync(api);
        var answers = await AnswersAsync(upTo: FrameworkStage.Connection);

        using var response = await scenario.Admin.Client.PostAsJsonAsync(
            $"/api/v1/organisations/{scenario.Id}/assessments/suggestion", new SuggestStageRequest(answers), Json.Options);

        var suggestion = await ThreadsApi.ExpectAsync<StageSuggestionView>(response, HttpStatusCode.OK);
        Assert.Equal(FrameworkStage.Connection, suggestion.Stage);
        Assert.Equal(FrameworkStage.Mutuality, suggestion.Next);
        Assert.Equal(FrameworkStage.Mutuality.Distinguishes(), suggestion.WhatDistinguishesNext);
    }

    [Fact]
    public async Task Only_approved_members_use_the_tool_and_answers_must_be_to_known_statements_on_the_scale()
    {
        var scenario = await OrganisationScenario.StartAsync(api);
        var outsider = await Community.JoinAsync(api.CreateClient, "Outsider");
        var answers = await AnswersAsync(upTo: FrameworkStage.Established);
        var path = $"/api/v1/organisations/{scenario.Id}/assessments/suggestion";

        using var byOutsider = await outsider.Client.PostAsJsonAsync(path, new SuggestStageRequest(answers), Json.Options);
        using var byStranger = await api.CreateClient().PostAsJsonAsync(path, new SuggestStageRequest(answers), Json.Options);
        using var unknown = await scenario.Admin.Client.PostAsJsonAsync(path, new SuggestStageRequest([new(Guid.NewGuid(), 3)]), Json.Options);
        using var offScale = await scenario.Admin.Client.PostAsJsonAsync(path, new SuggestStageRequest([answers[0] with { Value = 6 }]), Json.Options);
        using var none = await scenario.Admin.Client.PostAsJsonAsync(path, new SuggestStageRequest([]), Json.Options);

        Assert.Equal(HttpStatusCode.Forbidden, byOutsider.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, byStranger.StatusCode);
        Assert.Contains("answers", (await RegisterMemberTests.AssertValidationProblem(unknown)).Errors.Keys);
        Assert.Contains("answers", (await RegisterMemberTests.AssertValidationProblem(offScale)).Errors.Keys);
        Assert.Contains("answers", (await RegisterMemberTests.AssertValidationProblem(none)).Errors.Keys);
    }

    [Fact]
    public async Task A_guided_assessment_records_the_suggestion_and_whether_it_was_confirmed_or_overridden()
    {
        var scenario = await OrganisationScenario.StartAsync(api);
        var answers = await AnswersAsync(upTo: FrameworkStage.Connection);
        var me = scenario.Admin.Id;

        var confirmed = await OrganisationsApi.RecordAsync(scenario.Admin.Client, scenario.Id,
            OrganisationsApi.Assessment(scenario.Hackney.Id, me, FrameworkStage.Connection, answers: answers));
        var overridden = await OrganisationsApi.RecordAsync(scenario.Admin.Client, scenario.Id,
            OrganisationsApi.Assessment(scenario.Southwark.Id, me, FrameworkStage.Mutuality, answers: answers));

        Assert.Equal(AssessmentMethod.GuidedConfirmed, confirmed.Method);
        Assert.Equal(FrameworkStage.Connection, confirmed.SuggestedStage);
        Assert.Equal(AssessmentMethod.GuidedOverridden, overridden.Method);
        Assert.Equal(FrameworkStage.Connection, overridden.SuggestedStage);
    }

    [Fact]
    public async Task A_null_in_the_list_of_answers_or_evidence_is_a_field_error_not_a_server_error()
    {
        var scenario = await OrganisationScenario.StartAsync(api);
        var me = scenario.Admin.Id;

        using var suggested = await scenario.Admin.Client.PostAsJsonAsync(
            $"/api/v1/organisations/{scenario.Id}/assessments/suggestion", new SuggestStageRequest([null!]), Json.Options);
        using var nullAnswer = await OrganisationsApi.SendAssessmentAsync(scenario.Admin.Client, scenario.Id,
            OrganisationsApi.Assessment(scenario.Hackney.Id, me, answers: [null!]));
        using var nullEvidence = await OrganisationsApi.SendAssessmentAsync(scenario.Admin.Client, scenario.Id,
            OrganisationsApi.Assessment(scenario.Hackney.Id, me, evidence: [null!]));

        Assert.Contains("answers", (await RegisterMemberTests.AssertValidationProblem(suggested)).Errors.Keys);
        Assert.Contains("answers", (await RegisterMemberTests.AssertValidationProblem(nullAnswer)).Errors.Keys);
        Assert.Contains("evidence", (await RegisterMemberTests.AssertValidationProblem(nullEvidence)).Errors.Keys);
    }

    /// <summary>Every statement answered: 5 up to <paramref name="upTo"/>, 1 above it.</summary>
    private async Task<IReadOnlyList<StatementAnswerRequest>> AnswersAsync(FrameworkStage upTo)
    {
        var statements = await api.CreateClient().GetFromJsonAsync<StatementView[]>("/api/v1/stages/statements", Json.Options);
        return [.. statements!.Select(s => new StatementAnswerRequest(s.Id, s.Stage <= upTo ? 5 : 1))];
    }
}
