using System.ComponentModel.DataAnnotations;
using CommunityOfPractice.Contracts.Community;
using Microsoft.AspNetCore.Authorization;
using PlaceKind = CommunityOfPractice.Domain.Community.PlaceKind;

namespace CommunityOfPractice.Web.Pages.Places;

/// <summary>
/// A member proposes a place the list is missing, and sees their proposals waiting. An admin
/// approves it before anyone else is offered it; its proposer may use it at once.
/// </summary>
[Authorize]
public sealed class ProposeModel(ApiClient api) : PageModel
{
    private static readonly string[] _fields = [nameof(InputModel.Name), nameof(InputModel.Kind), nameof(InputModel.ParentId)];

    [BindProperty]
    public InputModel Input { get; set; } = new();

    public IReadOnlyList<PlaceSummary> Places { get; private set; } = [];

    public IReadOnlyList<PlaceProposal> Proposals { get; private set; } = [];

    public ApiProblem? LoadProblem { get; private set; }

    public Task OnGetAsync(CancellationToken cancellationToken) => LoadAsync(cancellationToken);

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (ModelState.IsValid)
        {
            var result = await api.ProposePlaceAsync(new ProposePlaceRequest(Input.Name.Trim(), Input.Kind!.Value, Input.ParentId), cancellationToken);
            if (result.Succeeded)
            {
                TempData["Status"] = $"Thank you: {result.Value.Name} waits for an admin. You can choose it on your profile already.";
                return RedirectToPage();
            }

            ModelState.AddApiProblem(result.Problem, _fields);
        }

        await LoadAsync(cancellationToken);
        return Page();
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        var places = api.ListPlaceTreeAsync(cancellationToken);
        var proposals = api.ListPlaceProposalsAsync(cancellationToken);
        await Task.WhenAll(places, proposals);
        LoadProblem = (await places).Problem ?? (await proposals).Problem;
        if (LoadProblem is null)
        {
            Places = (await places).Value;
            Proposals = (await proposals).Value;
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
