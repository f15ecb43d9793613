using CommunityOfPractice.Domain.Journey;
using static CommunityOfPractice.Domain.Tests.Journey.AssessmentBuilder;

namespace CommunityOfPractice.Domain.Tests.Journey;

public sealed class StageAssessmentTests
{
    [Fact]
    public void An_assessment_dated_today_is_recorded_as_stated()
    {
        var assessment = StageAssessment.Record(Entry(on: Today), Ids.Recorder, Today, Now);

        Assert.Equal(Today, assessment.AssessedOn);
        Assert.Equal(AssessmentMethod.Stated, assessment.Method);
        Assert.Null(assessment.SuggestedStage);
        Assert.Null(assessment.CorrectsId);
        Assert.Equal([Ids.Agreer], assessment.AgreedByIds);
    }

    [Fact]
    public void An_assessment_dated_in_the_future_is_refused()
    {
        var error = Assert.Throws<DomainException>(() => StageAssessment.Record(Entry(on: Today.AddDays(1)), Ids.Recorder, Today, Now));

        Assert.Contains("future", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_assessment_needs_a_narrative_and_someone_who_agreed_it()
    {
        Assert.Throws<DomainException>(() => StageAssessment.Record(Entry() with { SummaryMarkdown = "  " }, Ids.Recorder, Today, Now));
        Assert.Throws<DomainException>(() => StageAssessment.Record(Entry() with { AgreedByIds = [] }, Ids.Recorder, Today, Now));
    }

    [Fact]
    public void Sharing_with_funders_names_them_and_other_visibilities_name_none()
    {
        var funder = Guid.NewGuid();

        var shared = StageAssessment.Record(Entry() with { Visibility = AssessmentVisibility.Funders, FunderIds = [funder, funder] }, Ids.Recorder, Today, Now);

        Assert.Equal([funder], shared.FunderIds);
        Assert.Throws<DomainException>(() => StageAssessment.Record(Entry() with { Visibility = AssessmentVisibility.Funders }, Ids.Recorder, Today, Now));
        Assert.Throws<DomainException>(() => StageAssessment.Record(
            Entry() with { Visibility = AssessmentVisibility.Private, FunderIds = [funder] }, Ids.Recorder, Today, Now));
    }

    [Fact]
    public void Evidence_is_something_here_by_id_or_an_http_page_elsewhere()
    {
        var paper = EvidenceLink.To(EvidenceKind.Paper, Guid.NewGuid());
        var page = EvidenceLink.ToPage(" https://renaisi.com/funding-place-based-systemic-change ");

        var assessment = StageAssessment.Record(Entry() with { Evidence = [paper, page, page] }, Ids.Recorder, Today, Now);

        Assert.Equal([paper, page], assessment.Evidence);
        Assert.Equal("https://renaisi.com/funding-place-based-systemic-change", page.Url);
        Assert.Throws<DomainException>(() => EvidenceLink.ToPage("javascript:alert(1)"));
        Assert.Throws<DomainException>(() => EvidenceLink.ToPage("/library/papers/1"));
        Assert.Throws<DomainException>(() => EvidenceLink.To(EvidenceKind.Thread, Guid.Empty));
        Assert.Throws<DomainException>(() => StageAssessment.Record(
            Entry() with { Evidence = [new EvidenceLink(EvidenceKind.Event, Guid.NewGuid(), "https://example.org")] }, Ids.Recorder, Today, Now));
    }

    [Fact]
    public void A_guided_assessment_says_whether_the_suggestion_was_confirmed_or_overridden()
    {
        var intention = AssessmentStatement.Create(FrameworkStage.Intention, "We have asked whether place matters to our work.", 1);
        var established = AssessmentStatement.Create(FrameworkStage.Established, "We run a defined programme here.", 1);
        var guided = new StageAssessment.Guided([new StatementAnswer(intention.Id, 5), new StatementAnswer(established.Id, 4)], [intention, established]);

        var confirmed = StageAssessment.Record(Entry(FrameworkStage.Established), Ids.Recorder, Today, Now, guided);
        var overridden = StageAssessment.Record(Entry(FrameworkStage.Connection), Ids.Recorder, Today, Now, guided);

        Assert.Equal(AssessmentMethod.GuidedConfirmed, confirmed.Method);
        Assert.Equal(FrameworkStage.Established, confirmed.SuggestedStage);
        Assert.Equal(AssessmentMethod.GuidedOverridden, overridden.Method);
        Assert.Equal(FrameworkStage.Established, overridden.SuggestedStage);
        Assert.Equal(2, overridden.Answers.Count);
    }

    [Fact]
    public void A_guided_assessment_answers_each_statement_once()
    {
        var intention = AssessmentStatement.Create(FrameworkStage.Intention, "We have asked whether place matters to our work.", 1);
        var twice = new StageAssessment.Guided([new StatementAnswer(intention.Id, 5), new StatementAnswer(intention.Id, 1)], [intention]);

        Assert.Throws<DomainException>(() => StageAssessment.Record(Entry(), Ids.Recorder, Today, Now, twice));
    }

    [Fact]
    public void A_correction_is_a_new_entry_pointing_to_the_one_it_corrects_which_stays_as_it_was()
    {
        var original = Recorded(FrameworkStage.Mutuality, Today.AddDays(-10));

        var correction = original.CorrectWith(Entry(FrameworkStage.Connection, Today.AddDays(-10)), Ids.Recorder, Today, Now.AddHours(1));

        Assert.NotEqual(original.Id, correction.Id);
        Assert.Equal(original.Id, correction.CorrectsId);
        Assert.Equal(FrameworkStage.Mutuality, original.Stage);
        Assert.Null(original.CorrectsId);
    }

    [Fact]
    public void A_correction_is_for_the_same_organisation_and_place()
    {
        var original = Recorded(FrameworkStage.Connection, Today.AddDays(-10));

        Assert.Throws<DomainException>(() => original.CorrectWith(Entry(placeId: Guid.NewGuid()), Ids.Recorder, Today, Now));
        Assert.Throws<DomainException>(() => original.CorrectWith(Entry(organisationId: Guid.NewGuid()), Ids.Recorder, Today, Now));
    }

    [Fact]
    public void A_correction_cannot_be_dated_in_the_future_either()
    {
        var original = Recorded(FrameworkStage.Connection, Today.AddDays(-10));

        Assert.Throws<DomainException>(() => original.CorrectWith(Entry(on: Today.AddDays(1)), Ids.Recorder, Today, Now));
    }
}
