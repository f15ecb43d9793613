using CommunityOfPractice.Contracts.Events.Qa;
using CommunityOfPractice.Contracts.Events;
using Microsoft.AspNetCore.Authorization;

namespace CommunityOfPractice.Web.Pages.Events;

/// <summary>
/// One event: details, registration, who is coming, and its live Q&amp;A. Every action is a form
/// post (the page works without scripts); qa-live.js keeps the Q&amp;A current through the hub.
/// </summary>
[Authorize]
public sealed class DetailsModel(ApiClient api) : PageModel
{
    private static readonly Dictionary<string, (string Path, string FileName)> _files = new(StringComparer.OrdinalIgnoreCase)
    {
        ["ics"] = ("calendar.ics", "event.ics"),
        ["attendees"] = ("attendees.csv", "attendees.csv"),
        ["questions-csv"] = ("qa/export.csv", "questions.csv"),
        ["questions-md"] = ("qa/export.md", "questions.md"),
    };

    [BindProperty(SupportsGet = true)]
    public Guid Id { get; set; }

    [BindProperty(SupportsGet = true)]
    public string Sort { get; set; } = "Votes";

    public EventDetail? Event { get; private set; }

    public Attendance? Attendance { get; private set; }

    public QaState? Qa { get; private set; }

    /// <summary>Hosts only: who registered, in arrival order, with their answers.</summary>
    public IReadOnlyList<AttendeeRow> Attendees { get; private set; } = [];

    public ApiProblem? LoadProblem { get; private set; }

    /// <summary>A fresh key per page view, so a double-submitted question is stored once.</summary>
    public string AskKey { get; } = Guid.NewGuid().ToString();

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Sort = Sort is "Time" ? "Time" : "Votes";
        var detail = api.GetEventAsync(Id, cancellationToken);
        var attendance = api.GetAttendanceAsync(Id, cancellationToken);
        var qa = api.GetQaAsync(Id, Sort, cancellationToken);
        await Task.WhenAll(detail, attendance, qa);
        if (!detail.Result.Succeeded)
        {
            LoadProblem = detail.Result.Problem;
            return;
        }

        Event = detail.Result.Value;
        Attendance = attendance.Result.Succeeded ? attendance.Result.Value : null;
        Qa = qa.Result.Succeeded ? qa.Result.Value : null;
        if (Event.CanManage && await api.GetAttendeesAsync(Id, cancellationToken) is { Succeeded: true } attendees)
        {
            Attendees = attendees.Value;
        }
    }

    /// <summary>The Q&amp;A list alone, for the live script to swap in after a change.</summary>
    public async Task<IActionResult> OnGetQaAsync(CancellationToken cancellationToken)
    {
        var qa = await api.GetQaAsync(Id, Sort is "Time" ? "Time" : "Votes", cancellationToken);
        return qa.Succeeded ? Partial("_QaList", qa.Value) : StatusCode(qa.Problem.Status);
    }

    public async Task<IActionResult> OnGetSimilarAsync(string? text, CancellationToken cancellationToken)
    {
        var similar = await api.SimilarQuestionsAsync(Id, text ?? string.Empty, cancellationToken);
        return similar.Succeeded
            ? new JsonResult(similar.Value.Select(q => new { q.Id, q.Text, q.Votes }))
            : StatusCode(similar.Problem.Status);
    }

    public async Task<IActionResult> OnGetFileAsync(string kind, CancellationToken cancellationToken)
    {
        if (!_files.TryGetValue(kind, out var file))
        {
            return NotFound();
        }

        var result = await api.GetEventFileAsync(Id, file.Path, file.FileName, cancellationToken);
        if (kind == "attendees")
        {
            Response.Headers.CacheControl = "no-store"; // people's names and addresses
        }

        return result.Succeeded ? File(result.Value.Content, result.Value.ContentType, result.Value.FileName) : StatusCode(result.Problem.Status);
    }

    public Task<IActionResult> OnPostRegisterAsync(List<string>? answers, bool listMe, CancellationToken cancellationToken) =>
        ActAsync(api.RegisterForEventAsync(Id, answers ?? [], listMe, cancellationToken), "Registration saved");

    public Task<IActionResult> OnPostCancelRegistrationAsync(CancellationToken cancellationToken) =>
        ActAsync(api.CancelRegistrationAsync(Id, cancellationToken), "Your registration is cancelled");

    public Task<IActionResult> OnPostPublishAsync(CancellationToken cancellationToken) =>
        ActAsync(api.PublishEventAsync(Id, cancellationToken), "Event published");

    public Task<IActionResult> OnPostCancelEventAsync(string? reason, CancellationToken cancellationToken) =>
        ActAsync(api.CancelEventAsync(Id, reason ?? string.Empty, cancellationToken), "Event cancelled; registrants see why");

    public Task<IActionResult> OnPostOpenQaAsync(bool open, bool requireApproval, CancellationToken cancellationToken) =>
        ActAsync(api.OpenQaAsync(Id, open, requireApproval, cancellationToken), open ? "Q&A opened" : "Q&A closed", "qa");

    public Task<IActionResult> OnPostAskAsync(string? text, bool anonymous, string? askKey, CancellationToken cancellationToken) =>
        ActAsync(api.AskAsync(Id, text ?? string.Empty, anonymous, askKey ?? Guid.NewGuid().ToString(), cancellationToken), "Question sent", "qa");

    public Task<IActionResult> OnPostVoteAsync(Guid questionId, bool up, CancellationToken cancellationToken) =>
        ActAsync(api.VoteAsync(Id, questionId, up, cancellationToken), null, "qa");

    public Task<IActionResult> OnPostModerateAsync(
        Guid questionId, string action, string? reason, string? text, string? answer, Guid? intoQuestionId, CancellationToken cancellationToken) =>
        ActAsync(api.ModerateQuestionAsync(Id, questionId, action, new { reason, text, answer, intoQuestionId }, cancellationToken), "Done", "qa");

    private async Task<IActionResult> ActAsync<T>(Task<ApiResult<T>> call, string? success, string? fragment = null)
    {
        Sort = Sort is "Time" ? "Time" : "Votes";
        var result = await call;
        if (result.Succeeded)
        {
            if (success is not null)
            {
                TempData["Status"] = success;
            }
        }
        else
        {
            TempData["Error"] = result.Problem.Errors.Count > 0
                ? string.Join(" ", result.Problem.Errors.SelectMany(e => e.Value))
                : result.Problem.Message;
        }

        return Redirect($"/Events/{Id}?sort={Sort}{(fragment is null ? string.Empty : "#" + fragment)}");
    }
}
