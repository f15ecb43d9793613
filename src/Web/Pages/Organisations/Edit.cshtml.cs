using CommunityOfPractice.Contracts.Community;
using Microsoft.AspNetCore.Authorization;

namespace CommunityOfPractice.Web.Pages.Organisations;

/// <summary>
/// The organisation's admins keep its profile up to date (its address stays the same). Anyone
/// else is told so: on opening the page, and by the Api's 403 if they post anyway.
/// </summary>
[Authorize]
public sealed class EditModel(ApiClient api) : PageModel
{
    [BindProperty]
    public OrganisationProfileInput Input { get; set; } = new();

    public OrganisationDetail? Organisation { get; private set; }

    public IReadOnlyList<PlaceView> Places { get; private set; } = [];

    public ApiProblem? LoadProblem { get; private set; }

    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken cancellationToken)
    {
        if (await LoadAsync(slug, cancellationToken) is { } notFound)
        {
            return notFound;
        }

        if (Organisation is not null)
        {
            Input = OrganisationProfileInput.From(Organisation);
        }

        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string slug, CancellationToken cancellationToken)
    {
        if (await LoadAsync(slug, cancellationToken) is { } notFound)
        {
            return notFound;
        }

        if (Organisation is not null && ModelState.IsValid)
        {
            var result = await api.EditOrganisationAsync(Organisation.Id, Input.ToRequest(), cancellationToken);
            if (result.Succeeded)
            {
                TempData["Status"] = "Profile saved.";
                return Redirect($"/organisations/{result.Value.Slug}");
            }

            if (result.Problem.Status == StatusCodes.Status403Forbidden)
            {
                LoadProblem = result.Problem;
            }
            else
            {
                ModelState.AddApiProblem(result.Problem, OrganisationProfileInput.Fields);
            }
        }

        return Page();
    }

    private async Task<IActionResult?> LoadAsync(string slug, CancellationToken cancellationToken)
    {
        var organisation = api.GetOrganisationAsync(slug, cancellationToken);
        var places = api.GetPlacesAsync(cancellationToken);
        await Task.WhenAll(organisation, places);
        Places = (await places).Succeeded ? [.. (await places).Value.OrderBy(p => p.Name)] : [];
        var result = await organisation;
        if (result.Succeeded)
        {
            Organisation = result.Value;
            return null;
        }

        if (result.Problem.Status == StatusCodes.Status404NotFound)
        {
            return NotFound();
        }

        LoadProblem = result.Problem;
        return null;
    }
}
