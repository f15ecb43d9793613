using System.ComponentModel.DataAnnotations;
using CommunityOfPractice.Contracts.Community;
using PlaceKind = CommunityOfPractice.Domain.Community.PlaceKind;

namespace CommunityOfPractice.Web.Pages.Admin;

/// <summary>
/// Admins look after the list of places: approve or turn down what members proposed, and add a
/// place (inside another when it has a parent). Each action is a POST that comes back here.
/// </summary>
public sealed class PlacesModel(ApiClient api) : PageModel
{
    private static readonly string[] _fields = [nameof(InputModel.Name), nameof(InputModel.Kind), nameof(InputModel.ParentId)];

    [BindProperty]
    public InputModel Input { get; set; } = new();

    public IReadOnlyList<PlaceProposal> Proposals { get; private set; } = [];

    public IReadOnlyList<PlaceSummary> Places { get; private set; } = [];

    public ApiProblem? LoadProblem { get; private set; }

    public string? ParentName(Guid? parentId) => Places.FirstOrDefault(p => p.Id == parentId)?.Name;

    public Task OnGetAsync(CancellationToken cancellationToken) => LoadAsync(cancellationToken);

    public async Task<IActionResult> OnPostAddAsync(CancellationToken cancellationToken)
    {
        if (ModelState.IsValid)
        {
            var result = await api.AddPlaceAsync(new AddPlaceRequest(Input.Name.Trim(), Input.Kind!.Value, Input.ParentId), cancellationToken);
            if (result.Succeeded)
            {
                TempData["Status"] = $"{result.Value.Name} is added to the places.";
                return RedirectToPage();
            }

            ModelState.AddApiProblem(result.Problem, _fields);
        }

        await LoadAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostApproveAsync(Guid placeId, string? name, CancellationToken cancellationToken)
    {
        var result = await api.ApprovePlaceAsync(placeId, cancellationToken);
        Report(result.Problem, $"{name ?? "The place"} is approved: everyone can choose it now.");
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostRejectAsync(Guid placeId, string? name, CancellationToken cancellationToken)
    {
        var result = await api.RejectPlaceAsync(placeId, cancellationToken);
        Report(result.Problem, $"The proposal of {name ?? "the place"} is turned down and removed.");
        return RedirectToPage();
    }

    private void Report(ApiProblem? problem, string success)
    {
        if (problem is null)
        {
            TempData["Status"] = success;
        }
        else
        {
            TempData["Error"] = problem.IsUnavailable
                ? "Nothing changed: the community service is not answering. Please try again in a minute."
                : problem.Message;
        }
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        var proposals = api.ListPlaceProposalsAsync(cancellationToken);
        var places = api.ListPlaceTreeAsync(cancellationToken);
        await Task.WhenAll(proposals, places);
        LoadProblem = (await proposals).Problem ?? (await places).Problem;
        if (LoadProblem is null)
        {
            Proposals = (await proposals).Value;
            Places = (await places).Value;
        }
    }

    public sealed class InputModel
    {
        [Required(ErrorMessage = "Enter the place's name.")]
        [StringLength(100, ErrorMessage = "A place name has at most 100 characters.")]
        public string Name { get; set; } = string.Empty;

        [Required(ErrorMessage = "Choose what kind of place this is.")]
        public PlaceKind? Kind { get; set; }

        public Guid? ParentId { get; set; }
    }
}
