using CommunityOfPractice.Contracts.Community;

namespace CommunityOfPractice.Web.Pages.Admin;

/// <summary>
/// Admins see every organisation and verify the ones members proposed, once they know they are
/// real; "unverified only" narrows the list to those waiting. Verifying comes back to the same page.
/// </summary>
public sealed class OrganisationsModel(ApiClient api) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public bool Unverified { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Q { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? After { get; set; }

    public DirectoryOrganisationsPage? Organisations { get; private set; }

    public ApiProblem? LoadProblem { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        (Q, After) = (DirectoryFilters.Clean(Q), DirectoryFilters.Clean(After));
        var result = await api.ListDirectoryOrganisationsAsync(null, null, null, Unverified ? false : null, Q, After, DirectoryFilters.PageSize, cancellationToken);
        if (result.Succeeded)
        {
            Organisations = result.Value;
        }
        else
        {
            LoadProblem = result.Problem;
        }
    }

    public async Task<IActionResult> OnPostVerifyAsync(Guid organisationId, string? name, CancellationToken cancellationToken)
    {
        var result = await api.VerifyOrganisationAsync(organisationId, cancellationToken);
        if (result.Succeeded)
        {
            TempData["Status"] = $"{name ?? "The organisation"} is verified.";
        }
        else
        {
            TempData["Error"] = result.Problem.IsUnavailable
                ? "Nothing changed: the community service is not answering. Please try again in a minute."
                : result.Problem.Message;
        }

        return RedirectToPage(new { unverified = Unverified ? "true" : null, q = DirectoryFilters.Clean(Q), after = DirectoryFilters.Clean(After) });
    }
}
