using CommunityOfPractice.Contracts.Community;
using FrameworkStage = CommunityOfPractice.Domain.Community.FrameworkStage;

namespace CommunityOfPractice.Web.Pages.Admin;

/// <summary>
/// Admins edit the guided self-assessment's statements, stage by stage: add one, reword it,
/// move it up or down, retire it (the tool stops asking it; old answers keep it) or bring it back.
/// Every action is a POST that comes back here with what happened.
/// </summary>
public sealed class StatementsModel(ApiClient api) : PageModel
{
    public const int TextMaxLength = 300;

    public IReadOnlyList<StageStatements> Stages { get; private set; } = [];

    public ApiProblem? LoadProblem { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var result = await api.ListManagedStatementsAsync(cancellationToken);
        if (result.Succeeded)
        {
            var byStage = result.Value.ToLookup(s => s.Stage);
            Stages = [.. DirectoryFilters.Stages.Select(stage => new StageStatements(stage, [.. byStage[stage].OrderBy(s => s.Order)]))];
        }
        else
        {
            LoadProblem = result.Problem;
        }
    }

    public async Task<IActionResult> OnPostAddAsync(FrameworkStage stage, string? text, CancellationToken cancellationToken) =>
        Report((await api.AddStatementAsync(new StatementRequest(stage, text?.Trim() ?? string.Empty), cancellationToken)).Problem,
            $"The statement is added to {stage}.");

    public async Task<IActionResult> OnPostEditAsync(Guid statementId, FrameworkStage stage, string? text, CancellationToken cancellationToken) =>
        Report((await api.EditStatementAsync(statementId, new StatementRequest(stage, text?.Trim() ?? string.Empty), cancellationToken)).Problem,
            "The statement is saved.");

    public async Task<IActionResult> OnPostMoveAsync(Guid statementId, MoveDirection direction, CancellationToken cancellationToken) =>
        Report((await api.MoveStatementAsync(statementId, direction, cancellationToken)).Problem,
            direction == MoveDirection.Up ? "The statement moved up." : "The statement moved down.");

    public async Task<IActionResult> OnPostRetireAsync(Guid statementId, bool retire, CancellationToken cancellationToken) =>
        Report((await api.RetireStatementAsync(statementId, retire, cancellationToken)).Problem,
            retire ? "The statement is retired: the tool no longer asks it." : "The statement is back in the tool.");

    private RedirectToPageResult Report(ApiProblem? problem, string success)
    {
        if (problem is null)
        {
            TempData["Status"] = success;
        }
        else
        {
            TempData["Error"] = problem.IsUnavailable
                ? "Nothing changed: the community service is not answering. Please try again in a minute."
                : problem.Errors.Count > 0 ? string.Join(" ", problem.Errors.SelectMany(e => e.Value)) : problem.Message;
        }

        return RedirectToPage();
    }

    public sealed record StageStatements(FrameworkStage Stage, IReadOnlyList<ManagedStatement> Statements);
}
