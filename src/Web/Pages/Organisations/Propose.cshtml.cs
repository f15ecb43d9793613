using CommunityOfPractice.Contracts.Community;
using Microsoft.AspNetCore.Authorization;

namespace CommunityOfPractice.Web.Pages.Organisations;

/// <summary>
/// Any member proposes an organisation. It is usable at once (the proposer becomes its first
/// admin) and shown as unverified until an admin verifies it.
/// </summary>
[Authorize]
public sealed class ProposeModel(ApiClient api) : PageModel
{
    [BindProperty]
    public OrganisationProfileInput Input { get; set; } = new();

    public IReadOnlyList<PlaceView> Places { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (ModelState.IsValid)
        {
            var result = await api.ProposeOrganisationAsync(Input.ToRequest(), cancellationToken);
            if (result.Succeeded)
            {
                TempData["Status"] = $"{result.Value.Name} is in the community. You are its first admin; it shows as unverified until an admin verifies it.";
                return Redirect($"/organisations/{result.Value.Slug}");
            }

            ModelState.AddApiProblem(result.Problem, OrganisationProfileInput.Fields);
        }

        await LoadAsync(cancellationToken);
        return Page();
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        var places = await api.GetPlacesAsync(cancellationToken);
        Places = places.Succeeded ? [.. places.Value.OrderBy(p => p.Name)] : [];
    }
}
