using CommunityOfPractice.Contracts.Events.Qa;
using CommunityOfPractice.Contracts.Events;
using Microsoft.AspNetCore.Authorization;

namespace CommunityOfPractice.Web.Pages.Events;

/// <summary>The presenter view for the screen in the room: large text, the pinned question and the top of the list, kept live.</summary>
[Authorize]
public sealed class PresentModel(ApiClient api) : PageModel
{
    public const int TopCount = 5;

    [BindProperty(SupportsGet = true)]
    public Guid Id { get; set; }

    public EventDetail? Event { get; private set; }

    public QaState? Qa { get; private set; }

    public ApiProblem? LoadProblem { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var detail = api.GetEventAsync(Id, cancellationToken);
        var qa = api.GetQaAsync(Id, "Votes", cancellationToken);
        await Task.WhenAll(detail, qa);
        if (!detail.Result.Succeeded || !qa.Result.Succeeded)
        {
            LoadProblem = detail.Result.Problem ?? qa.Result.Problem;
            return;
        }

        Event = detail.Result.Value;
        Qa = qa.Result.Value;
    }

    public async Task<IActionResult> OnGetBoardAsync(CancellationToken cancellationToken)
    {
        var qa = await api.GetQaAsync(Id, "Votes", cancellationToken);
        return qa.Succeeded ? Partial("_PresenterBoard", qa.Value) : StatusCode(qa.Problem.Status);
    }
}
