using CommunityOfPractice.Contracts.Community;

namespace CommunityOfPractice.Web.Pages.Admin;

/// <summary>
/// Admins find people, grant or revoke their roles, and lift suspensions (suspending asks why, on
/// <see cref="SuspendModel"/>). Each change is a POST that comes back to
/// the same page of results (post, redirect, get), with the Api's word on what happened.
/// </summary>
public sealed class PeopleModel(ApiClient api) : PageModel
{
    private const int PageSize = 25;

    [BindProperty(SupportsGet = true)]
    public string? Search { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? After { get; set; }

    public PeoplePage? People { get; private set; }

    public ApiProblem? LoadProblem { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var result = await api.GetPeopleAsync(Search, After, PageSize, cancellationToken);
        if (result.Succeeded)
        {
            People = result.Value;
        }
        else
        {
            LoadProblem = result.Problem;
        }
    }

    public Task<IActionResult> OnPostGrantAsync(Guid personId, string role, string? name, CancellationToken cancellationToken) =>
        ChangeRoleAsync(personId, role, name, grant: true, cancellationToken);

    public Task<IActionResult> OnPostRevokeAsync(Guid personId, string role, string? name, CancellationToken cancellationToken) =>
        ChangeRoleAsync(personId, role, name, grant: false, cancellationToken);

    private async Task<IActionResult> ChangeRoleAsync(Guid personId, string role, string? name, bool grant, CancellationToken cancellationToken)
    {
        var who = string.IsNullOrWhiteSpace(name) ? "this person" : name;
        if (!RoleNames.Grantable.Contains(role))
        {
            TempData["Error"] = "That role cannot be changed here.";
            return BackToList();
        }

        var result = grant
            ? await api.GrantRoleAsync(personId, role, cancellationToken)
            : await api.RevokeRoleAsync(personId, role, cancellationToken);
        if (result.Succeeded)
        {
            var roleName = RoleNames.Display(role).ToLowerInvariant();
            TempData["Status"] = grant ? $"{who} is now {Article(roleName)} {roleName}." : $"{who} is no longer {Article(roleName)} {roleName}.";
        }
        else
        {
            TempData["Error"] = result.Problem.IsUnavailable
                ? "The role was not changed: the community service is not answering. Please try again in a minute."
                : result.Problem.Message;
        }

        return BackToList();
    }

    public async Task<IActionResult> OnPostReinstateAsync(Guid personId, string? name, CancellationToken cancellationToken)
    {
        var who = string.IsNullOrWhiteSpace(name) ? "This person" : name;
        var result = await api.ReinstateAsync(personId, cancellationToken);
        if (result.Succeeded)
        {
            TempData["Status"] = $"{who} is no longer suspended and may sign in again.";
        }
        else
        {
            TempData["Error"] = result.Problem.IsUnavailable
                ? "The suspension was not lifted: the community service is not answering. Please try again in a minute."
                : result.Problem.Message;
        }

        return BackToList();
    }

    private RedirectToPageResult BackToList() => RedirectToPage(new
    {
        search = string.IsNullOrWhiteSpace(Search) ? null : Search,
        after = string.IsNullOrEmpty(After) ? null : After,
    });

    private static string Article(string roleName) => "aeiou".Contains(roleName[0]) ? "an" : "a";
}
