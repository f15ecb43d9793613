using CommunityOfPractice.Contracts.Common;
using CommunityOfPractice.Contracts.Community;
using CommunityOfPractice.Domain.Community;
using CommunityOfPractice.Domain.Journey;
using Microsoft.AspNetCore.Authorization;

namespace CommunityOfPractice.Web.Pages.Organisations;

/// <summary>
/// The guided self-assessment, for the organisation's approved members, without scripts: answer
/// each stage's statements on a scale and ask for a suggestion (the Api works it out and says what
/// distinguishes the next stage); then confirm or override it, date it, say why, give evidence,
/// choose who may read it and who agreed, and record it. With <c>?corrects=</c> it records a
/// correction of an entry in the timeline, which stays in the history.
/// </summary>
[Authorize]
public sealed class AssessModel(ApiClient api) : PageModel
{
    private static readonly string[] _fields =
    [
        nameof(InputModel.PlaceId), nameof(InputModel.Answers), nameof(InputModel.Stage), nameof(InputModel.AssessedOn),
        nameof(InputModel.Summary), nameof(InputModel.Evidence), nameof(InputModel.Visibility), nameof(InputModel.FunderIds),
        nameof(InputModel.AgreedByIds), nameof(InputModel.CorrectsId),
    ];

    [BindProperty]
    public InputModel Input { get; set; } = new();

    public OrganisationDetail? Organisation { get; private set; }

    /// <summary>The statements by stage, in the framework's order.</summary>
    public IReadOnlyList<IGrouping<FrameworkStage, StatementView>> Statements { get; private set; } = [];

    /// <summary>Other organisations, to name as the funders who may read it.</summary>
    public IReadOnlyList<OrganisationView> Funders { get; private set; } = [];

    public StageSuggestionView? Suggestion { get; private set; }

    /// <summary>The entry being corrected, when there is one.</summary>
    public AssessmentView? Corrected { get; private set; }

    public ApiProblem? LoadProblem { get; private set; }

    public static DateOnly Today => DateOnly.FromDateTime(DateTime.UtcNow);

    /// <summary>Approved people of the organisation, who may have agreed the assessment.</summary>
    public IEnumerable<AuthorRef> People => Organisation is null ? [] : Organisation.Admins.Concat(Organisation.Members).OrderBy(p => p.DisplayName);

    public async Task<IActionResult> OnGetAsync(string slug, Guid? corrects, CancellationToken cancellationToken)
    {
        if (await LoadAsync(slug, cancellationToken) is { } stop)
        {
            return stop;
        }

        Input.AssessedOn = Today;
        if (Organisation is null)
        {
            return Page();
        }

        Input.PlaceId = Organisation.Places.Count == 1 ? Organisation.Places[0].Id : null;
        if (Guid.TryParse(User.FindFirst("sub")?.Value, out var me) && People.Any(p => p.Id == me))
        {
            Input.AgreedByIds = [me];
        }

        if (corrects is { } id && FindEntry(id) is { } entry)
        {
            Corrected = entry;
            Input.CorrectsId = entry.Id;
            Input.PlaceId = entry.Place.Id;
            Input.Stage = entry.Stage;
            Input.AssessedOn = entry.AssessedOn;
            Input.Visibility = entry.Visibility;
            Input.Evidence = string.Join('\n', entry.Evidence.Select(OrganisationText.EvidenceLine));
            Input.AgreedByIds = [.. entry.AgreedBy.Select(p => p.Id)];
        }

        return Page();
    }

    /// <summary>Asks the Api what the answers suggest; nothing is recorded.</summary>
    public async Task<IActionResult> OnPostSuggestAsync(string slug, CancellationToken cancellationToken)
    {
        if (await LoadAsync(slug, cancellationToken) is { } stop)
        {
            return stop;
        }

        ModelState.Clear();
        if (Organisation is null)
        {
            return Page();
        }

        Corrected = Input.CorrectsId is { } id ? FindEntry(id) : null;
        if (Answers().Count == 0)
        {
            ModelState.AddModelError("Input.Answers", "Answer at least one statement to get a suggestion.");
            return Page();
        }

        var result = await api.SuggestStageAsync(Organisation.Id, new SuggestStageRequest(Answers()), cancellationToken);
        if (result.Succeeded)
        {
            Suggestion = result.Value;
            Input.Stage = Suggestion.Stage;
        }
        else
        {
            ModelState.AddApiProblem(result.Problem, _fields);
        }

        return Page();
    }

    public async Task<IActionResult> OnPostRecordAsync(string slug, CancellationToken cancellationToken)
    {
        if (await LoadAsync(slug, cancellationToken) is { } stop)
        {
            return stop;
        }

        if (Organisation is null)
        {
            return Page();
        }

        Corrected = Input.CorrectsId is { } correctsId ? FindEntry(correctsId) : null;
        var evidence = ReadEvidence();
        if (Input.PlaceId is null)
        {
            ModelState.AddModelError("Input.PlaceId", "Choose the place this assessment is about.");
        }

        if (Input.Stage is null)
        {
            ModelState.AddModelError("Input.Stage", "Choose the stage the organisation stands at: the suggestion, or another.");
        }

        if (ModelState.IsValid)
        {
            var answers = Answers();
            var request = new RecordAssessmentRequest(
                Input.PlaceId!.Value, Input.Stage!.Value, Input.AssessedOn ?? Today, Input.Summary ?? string.Empty, Input.Visibility,
                Input.Visibility == AssessmentVisibility.Funders ? Input.FunderIds : null, evidence, Input.AgreedByIds,
                answers.Count > 0 ? answers : null, Input.CorrectsId);
            var result = await api.RecordAssessmentAsync(Organisation.Id, request, cancellationToken);
            if (result.Succeeded)
            {
                var recorded = result.Value;
                TempData["Status"] = $"Assessment recorded: {recorded.Stage} in {recorded.Place.Name}. {OrganisationText.Method(recorded)}.";
                return Redirect($"/organisations/{Organisation.Slug}#journey");
            }

            if (result.Problem.Status == StatusCodes.Status403Forbidden)
            {
                LoadProblem = result.Problem;
                return Page();
            }

            ModelState.AddApiProblem(result.Problem, _fields);
        }

        // Show the suggestion again beside the form, so the choice can still be compared with it.
        if (Answers().Count > 0 && await api.SuggestStageAsync(Organisation.Id, new SuggestStageRequest(Answers()), cancellationToken) is { Succeeded: true } again)
        {
            Suggestion = again.Value;
        }

        return Page();
    }

    /// <summary>The answers posted as <c>Input.Answers[statement id]=1..5</c>, one per statement; anything else is no answer.</summary>
    private List<StatementAnswerRequest> Answers()
    {
        if (Input.Answers.Count == 0 && Request.HasFormContentType)
        {
            foreach (var (key, value) in Request.Form)
            {
                if (key.StartsWith("Input.Answers[", StringComparison.Ordinal) && key.EndsWith(']')
                    && Guid.TryParse(key["Input.Answers[".Length..^1], out var statementId) && int.TryParse(value, out var answer))
                {
                    Input.Answers[statementId] = answer;
                }
            }
        }

        return [.. Input.Answers.Where(a => a.Value is >= StatementAnswer.Lowest and <= StatementAnswer.Highest).Select(a => new StatementAnswerRequest(a.Key, a.Value))];
    }

    private List<EvidenceRequest> ReadEvidence()
    {
        var evidence = new List<EvidenceRequest>();
        foreach (var line in (Input.Evidence ?? string.Empty).Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (OrganisationText.ParseEvidence(line, Request.Host.Host) is { } parsed)
            {
                evidence.Add(parsed);
            }
            else
            {
                ModelState.AddModelError("Input.Evidence", $"\"{line}\" is not a link to a paper, discussion or event here, nor a full http or https address.");
            }
        }

        return evidence;
    }

    private AssessmentView? FindEntry(Guid id) =>
        Organisation?.Journey.SelectMany(j => j.Timeline).Select(s => s.Assessment).FirstOrDefault(a => a.Id == id);

    private async Task<IActionResult?> LoadAsync(string slug, CancellationToken cancellationToken)
    {
        var organisation = api.GetOrganisationAsync(slug, cancellationToken);
        var statements = api.GetStatementsAsync(cancellationToken);
        var organisations = api.GetOrganisationsAsync(cancellationToken);
        await Task.WhenAll(organisation, statements, organisations);
        var result = await organisation;
        if (!result.Succeeded)
        {
            if (result.Problem.Status == StatusCodes.Status404NotFound)
            {
                return NotFound();
            }

            LoadProblem = result.Problem;
            return null;
        }

        Organisation = result.Value;
        LoadProblem = (await statements).Problem;
        if (LoadProblem is null)
        {
            Statements = [.. (await statements).Value.OrderBy(s => s.Stage).ThenBy(s => s.Order).GroupBy(s => s.Stage)];
        }

        Funders = (await organisations).Succeeded ? [.. (await organisations).Value.Where(o => o.Id != Organisation.Id)] : [];
        return null;
    }

    public sealed class InputModel
    {
        public Guid? PlaceId { get; set; }

        /// <summary>Statement id → 1..5; unanswered statements are left out.</summary>
        public Dictionary<Guid, int> Answers { get; set; } = [];

        public FrameworkStage? Stage { get; set; }

        public DateOnly? AssessedOn { get; set; }

        public string? Summary { get; set; }

        /// <summary>One link per line.</summary>
        public string? Evidence { get; set; }

        public AssessmentVisibility Visibility { get; set; } = AssessmentVisibility.Community;

        public List<Guid> FunderIds { get; set; } = [];

        public List<Guid> AgreedByIds { get; set; } = [];

        public Guid? CorrectsId { get; set; }
    }
}
