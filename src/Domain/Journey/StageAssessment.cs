using CommunityOfPractice.Domain.Common;
using CommunityOfPractice.Domain.Community;

namespace CommunityOfPractice.Domain.Journey;

/// <summary>Who may read an assessment. Stored by name.</summary>
public enum AssessmentVisibility
{
    /// <summary>Everyone who may read the place's page.</summary>
    Community = 1,

    /// <summary>The organisation and the funders it names.</summary>
    Funders = 2,

    /// <summary>The organisation's own members only.</summary>
    Private = 3,
}

/// <summary>How the stage was arrived at: said outright, or through the guided self-assessment, whose suggestion was confirmed or overridden.</summary>
public enum AssessmentMethod
{
    Stated = 1,
    GuidedConfirmed = 2,
    GuidedOverridden = 3,
}

/// <summary>
/// An organisation's record of where it stands in a place on a date: the stage, a narrative,
/// evidence, and the organisation's members who agreed it. The history is append-only: nothing
/// here changes after it is recorded; a correction is a new assessment that points to the one
/// it corrects (<see cref="CorrectsId"/>), and <see cref="StageTimeline"/> reads it so.
/// </summary>
public sealed class StageAssessment : IStageEntry
{
    public const int SummaryMaxLength = 10_000;
    public const int MaxEvidence = 20;
    public const int MaxFunders = 20;
    public const int MaxAgreedBy = 50;

    // For materialisation from storage only.
    private StageAssessment()
    {
        SummaryMarkdown = string.Empty;
        SummaryHtml = string.Empty;
    }

    public Guid Id { get; private set; }
    public Guid OrganisationId { get; private set; }
    public Guid PlaceId { get; private set; }
    public FrameworkStage Stage { get; private set; }

    /// <summary>The day the organisation stood there; never in the future.</summary>
    public DateOnly AssessedOn { get; private set; }

    public string SummaryMarkdown { get; private set; }

    /// <summary>The narrative rendered and sanitised by the Api.</summary>
    public string SummaryHtml { get; private set; }

    public AssessmentVisibility Visibility { get; private set; }

    /// <summary>The funder organisations that may read it when <see cref="Visibility"/> is Funders; empty otherwise.</summary>
    public List<Guid> FunderIds { get; private set; } = [];

    public AssessmentMethod Method { get; private set; }

    /// <summary>What the guided self-assessment suggested; null when the stage was stated.</summary>
    public FrameworkStage? SuggestedStage { get; private set; }

    public List<EvidenceLink> Evidence { get; private set; } = [];

    /// <summary>The guided self-assessment's answers; empty when the stage was stated.</summary>
    public List<StatementAnswer> Answers { get; private set; } = [];

    /// <summary>Members of the organisation who agreed this assessment (that they are is checked by the Api).</summary>
    public List<Guid> AgreedByIds { get; private set; } = [];

    public Guid RecordedById { get; private set; }
    public DateTimeOffset RecordedAt { get; private set; }

    /// <summary>The assessment this one corrects, which it replaces in the timeline.</summary>
    public Guid? CorrectsId { get; private set; }

    /// <summary>What the organisation says; checked as a whole.</summary>
    public sealed record Entry(
        Guid OrganisationId,
        Guid PlaceId,
        FrameworkStage Stage,
        DateOnly AssessedOn,
        string SummaryMarkdown,
        string SummaryHtml,
        AssessmentVisibility Visibility,
        IReadOnlyList<Guid> FunderIds,
        IReadOnlyList<EvidenceLink> Evidence,
        IReadOnlyList<Guid> AgreedByIds);

    /// <summary>The guided self-assessment behind an entry: the answers and the statements they answer.</summary>
    public sealed record Guided(IReadOnlyCollection<StatementAnswer> Answers, IReadOnlyCollection<AssessmentStatement> Statements);

    /// <summary>
    /// Records an assessment. With <paramref name="guided"/>, the self-assessment's suggestion is
    /// worked out here and the record says whether the organisation confirmed or overrode it.
    /// </summary>
    public static StageAssessment Record(Entry entry, Guid recordedById, DateOnly today, DateTimeOffset now, Guided? guided = null) =>
        Create(entry, guided, correctsId: null, recordedById, today, now);

    /// <summary>A new assessment that replaces this one in the timeline; this one stays as it was.</summary>
    public StageAssessment CorrectWith(Entry entry, Guid recordedById, DateOnly today, DateTimeOffset now, Guided? guided = null)
    {
        if (entry.OrganisationId != OrganisationId || entry.PlaceId != PlaceId)
        {
            throw new DomainException("A correction is for the same organisation and place as the assessment it corrects.");
        }

        return Create(entry, guided, Id, recordedById, today, now);
    }

    private static StageAssessment Create(Entry entry, Guided? guided, Guid? correctsId, Guid recordedById, DateOnly today, DateTimeOffset now)
    {
        if (!Enum.IsDefined(entry.Stage))
        {
            throw new DomainException("Choose one of the five stages.");
        }

        if (entry.AssessedOn > today)
        {
            throw new DomainException("An assessment's date cannot be in the future.");
        }

        var summary = entry.SummaryMarkdown.Trim();
        if (summary.Length is 0 or > SummaryMaxLength)
        {
            throw new DomainException($"Say where the organisation stands in 1 to {SummaryMaxLength} characters.");
        }

        var assessment = new StageAssessment
        {
            Id = Guid.CreateVersion7(),
            OrganisationId = entry.OrganisationId,
            PlaceId = entry.PlaceId,
            Stage = entry.Stage,
            AssessedOn = entry.AssessedOn,
            SummaryMarkdown = summary,
            SummaryHtml = entry.SummaryHtml,
            Visibility = entry.Visibility,
            FunderIds = FundersFor(entry.Visibility, entry.FunderIds),
            Evidence = EvidenceOf(entry.Evidence),
            AgreedByIds = AgreedBy(entry.AgreedByIds),
            Method = AssessmentMethod.Stated,
            RecordedById = recordedById,
            RecordedAt = now,
            CorrectsId = correctsId,
        };

        if (guided is not null)
        {
            assessment.Answers = AnswersOf(guided);
            var suggested = StageSuggestion.Suggest(assessment.Answers, guided.Statements).Stage;
            assessment.SuggestedStage = suggested;
            assessment.Method = suggested == entry.Stage ? AssessmentMethod.GuidedConfirmed : AssessmentMethod.GuidedOverridden;
        }

        return assessment;
    }

    private static List<Guid> FundersFor(AssessmentVisibility visibility, IReadOnlyList<Guid> funderIds)
    {
        var funders = funderIds.Distinct().ToList();
        return visibility switch
        {
            AssessmentVisibility.Funders when funders.Count is 0 or > MaxFunders || funders.Contains(Guid.Empty) =>
                throw new DomainException($"Name 1 to {MaxFunders} funders to share this assessment with."),
            AssessmentVisibility.Funders => funders,
            AssessmentVisibility.Community or AssessmentVisibility.Private when funders.Count > 0 =>
                throw new DomainException("Name funders only when sharing the assessment with named funders."),
            AssessmentVisibility.Community or AssessmentVisibility.Private => [],
            _ => throw new DomainException("Share an assessment with the community, with named funders, or keep it private."),
        };
    }

    private static List<EvidenceLink> EvidenceOf(IReadOnlyList<EvidenceLink> evidence)
    {
        var links = evidence.Select(e => e.Checked()).Distinct().ToList();
        return links.Count > MaxEvidence
            ? throw new DomainException($"An assessment has at most {MaxEvidence} pieces of evidence.")
            : links;
    }

    private static List<Guid> AgreedBy(IReadOnlyList<Guid> memberIds)
    {
        var agreed = memberIds.Distinct().ToList();
        return agreed.Count is 0 or > MaxAgreedBy || agreed.Contains(Guid.Empty)
            ? throw new DomainException($"Name the 1 to {MaxAgreedBy} members of the organisation who agreed this assessment.")
            : agreed;
    }

    private static List<StatementAnswer> AnswersOf(Guided guided)
    {
        var answers = guided.Answers.Select(a => StatementAnswer.Of(a.StatementId, a.Value)).ToList();
        if (answers.Count == 0)
        {
            throw new DomainException("A guided self-assessment answers at least one statement.");
        }

        return answers.DistinctBy(a => a.StatementId).Count() == answers.Count
            ? answers
            : throw new DomainException("Answer each statement once.");
    }
}
