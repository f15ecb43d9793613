using CommunityOfPractice.Contracts.Community;
using CommunityOfPractice.Domain.Community;
using CommunityOfPractice.Domain.Journey;

namespace CommunityOfPractice.Api.Tests.Organisations;

[Collection(ApiCollection.Name)]
public sealed class RecordAssessmentTests(ApiFactory api)
{
    [Fact]
    public async Task An_approved_member_records_an_assessment_with_evidence_and_it_shows_on_the_page()
    {
        var scenario = await OrganisationScenario.StartAsync(api);
        var colleague = await Community.JoinAsync(api.CreateClient, "Colleague");
        await OrganisationsApi.JoinAsync(scenario.Admin.Client, colleague, scenario.Id);
        var thread = await ThreadsApi.StartAsync(colleague.Client);
        var request = OrganisationsApi.Assessment(scenario.Hackney.Id, colleague.Id, evidence:
            [new EvidenceRequest(EvidenceKind.Thread, thread.Id, null), new EvidenceRequest(EvidenceKind.Url, null, "https://example.org/report")]);

        var recorded = await OrganisationsApi.RecordAsync(colleague.Client, scenario.Id, request with { AgreedByIds = [colleague.Id, scenario.Admin.Id] });

        Assert.Equal(FrameworkStage.Connection, recorded.Stage);
        Assert.Equal(AssessmentMethod.Stated, recorded.Method);
        Assert.Null(recorded.SuggestedStage);
        Assert.Contains("<strong>space</strong>", recorded.SummaryHtml);
        Assert.Equal(2, recorded.Evidence.Count);
        Assert.Equal([colleague.DisplayName, scenario.Admin.DisplayName], recorded.AgreedBy.Select(a => a.DisplayName));
        var journey = Assert.Single((await OrganisationsApi.GetAsync(api.CreateClient(), scenario.Organisation.Slug)).Journey);
        Assert.Equal("Hackney", journey.Place.Name);
        Assert.Equal(FrameworkStage.Connection, journey.CurrentStage);
    }

    [Fact]
    public async Task Each_bad_input_is_a_400_on_its_field()
    {
        var scenario = await OrganisationScenario.StartAsync(api);
        var outsider = await Community.JoinAsync(api.CreateClient, "Outsider");
        var elsewhere = (await OrganisationsApi.PlacesAsync(outsider.Client, "Lambeth"))[0];
        var good = OrganisationsApi.Assessment(scenario.Hackney.Id, scenario.Admin.Id);
        var tomorrow = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(2);
        async Task<ICollection<string>> FieldsOf(RecordAssessmentRequest request)
        {
            using var response = await OrganisationsApi.SendAssessmentAsync(scenario.Admin.Client, scenario.Id, request);
            return (await RegisterMemberTests.AssertValidationProblem(response)).Errors.Keys;
        }

        Assert.Contains("placeId", await FieldsOf(good with { PlaceId = Guid.NewGuid() }));
        Assert.Contains("placeId", await FieldsOf(good with { PlaceId = elsewhere.Id }));
        Assert.Contains("assessedOn", await FieldsOf(good with { AssessedOn = tomorrow }));
        Assert.Contains("summary", await FieldsOf(good with { Summary = "  " }));
        Assert.Contains("evidence", await FieldsOf(good with { Evidence = [new EvidenceRequest(EvidenceKind.Paper, Guid.NewGuid(), null)] }));
        Assert.Contains("evidence", await FieldsOf(good with { Evidence = [new EvidenceRequest(EvidenceKind.Thread, Guid.NewGuid(), null)] }));
        Assert.Contains("evidence", await FieldsOf(good with { Evidence = [new EvidenceRequest(EvidenceKind.Event, Guid.NewGuid(), null)] }));
        Assert.Contains("evidence", await FieldsOf(good with { Evidence = [new EvidenceRequest(EvidenceKind.Url, null, "javascript:alert(1)")] }));
        Assert.Contains("agreedByIds", await FieldsOf(good with { AgreedByIds = [outsider.Id] }));
        Assert.Contains("agreedByIds", await FieldsOf(good with { AgreedByIds = [] }));
        Assert.Contains("funderIds", await FieldsOf(good with { Visibility = AssessmentVisibility.Funders }));
        Assert.Contains("funderIds", await FieldsOf(good with { Visibility = AssessmentVisibility.Funders, FunderIds = [Guid.NewGuid()] }));
        Assert.Contains("answers", await FieldsOf(good with { Answers = [new StatementAnswerRequest(Guid.NewGuid(), 3)] }));
        Assert.Contains("answers", await FieldsOf(good with { Answers = [new StatementAnswerRequest(Guid.NewGuid(), 9)] }));
        Assert.Contains("correctsId", await FieldsOf(good with { CorrectsId = Guid.NewGuid() }));
    }

    [Fact]
    public async Task Only_the_organisations_approved_members_record_and_an_unknown_organisation_is_404()
    {
        var scenario = await OrganisationScenario.StartAsync(api);
        var outsider = await Community.JoinAsync(api.CreateClient, "Outsider", "admin");
        var request = OrganisationsApi.Assessment(scenario.Hackney.Id, scenario.Admin.Id);

        using var byOutsider = await OrganisationsApi.SendAssessmentAsync(outsider.Client, scenario.Id, request);
        using var byStranger = await OrganisationsApi.SendAssessmentAsync(api.CreateClient(), scenario.Id, request);
        using var unknown = await OrganisationsApi.SendAssessmentAsync(scenario.Admin.Client, Guid.NewGuid(), request);

        Assert.Equal(HttpStatusCode.Forbidden, byOutsider.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, byStranger.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
    }

    [Fact]
    public async Task A_correction_replaces_its_entry_in_the_timeline_and_the_history_is_a_chain()
    {
        var scenario = await OrganisationScenario.StartAsync(api);
        var client = scenario.Admin.Client;
        var hackney = scenario.Hackney.Id;
        var me = scenario.Admin.Id;

        var connection = await OrganisationsApi.RecordAsync(client, scenario.Id, OrganisationsApi.Assessment(hackney, me, FrameworkStage.Connection, new DateOnly(2024, 3, 1)));
        var mistaken = await OrganisationsApi.RecordAsync(client, scenario.Id, OrganisationsApi.Assessment(hackney, me, FrameworkStage.Systemic, new DateOnly(2025, 3, 1)));
        var corrected = await OrganisationsApi.RecordAsync(client, scenario.Id,
            OrganisationsApi.Assessment(hackney, me, FrameworkStage.Mutuality, new DateOnly(2025, 3, 1), correctsId: mistaken.Id));
        using var twice = await OrganisationsApi.SendAssessmentAsync(client, scenario.Id,
            OrganisationsApi.Assessment(hackney, me, FrameworkStage.Established, new DateOnly(2025, 3, 1), correctsId: mistaken.Id));
        using var otherPlace = await OrganisationsApi.SendAssessmentAsync(client, scenario.Id,
            OrganisationsApi.Assessment(scenario.Southwark.Id, me, correctsId: connection.Id));

        Assert.Equal(mistaken.Id, corrected.CorrectsId);
        Assert.Equal(HttpStatusCode.Conflict, twice.StatusCode);
        Assert.Contains("correctsId", (await RegisterMemberTests.AssertValidationProblem(otherPlace)).Errors.Keys);

        var journey = Assert.Single((await OrganisationsApi.GetAsync(api.CreateClient(), scenario.Organisation.Slug)).Journey);
        Assert.Equal([connection.Id, corrected.Id], journey.Timeline.Select(s => s.Assessment.Id));
        Assert.Null(journey.Timeline[0].Mark);
        Assert.Equal("moved from Connection to Mutuality", journey.Timeline[1].Mark);
        Assert.True(journey.Timeline[1].IsTheMoveThatMattersMost);
        Assert.Equal(FrameworkStage.Mutuality, journey.CurrentStage);
    }
}
