using System.ComponentModel.DataAnnotations;
using CommunityOfPractice.Contracts.Community;

namespace CommunityOfPractice.Web.Pages.Admin;

/// <summary>
/// Moderators make invitation links that skip approval, and withdraw them. The link is shown once,
/// straight after it is made (only its hash is kept), for the moderator to copy and send.
/// </summary>
public sealed class InvitationsModel(ApiClient api) : PageModel
{
    private const string LinkKey = "InvitationLink";
    private static readonly string[] _fields = [nameof(InputModel.ValidForDays), nameof(InputModel.MaxUses), nameof(InputModel.OrganisationId)];

    [BindProperty]
    public InputModel Input { get; set; } = new();

    /// <summary>The link just made: shown this once.</summary>
    public string? NewLink { get; private set; }

    public IReadOnlyList<InvitationView> Invitations { get; private set; } = [];

    public IReadOnlyList<OrganisationView> Organisations { get; private set; } = [];

    public ApiProblem? LoadProblem { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        NewLink = TempData[LinkKey] as string;
        await LoadAsync(cancellationToken);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!ModelState.IsValid)
        {
            await LoadAsync(cancellationToken);
            return Page();
        }

        var result = await api.CreateInvitationAsync(new CreateInvitationRequest(Input.ValidForDays, Input.MaxUses, Input.OrganisationId), cancellationToken);
        if (!result.Succeeded)
        {
            ModelState.AddApiProblem(result.Problem, _fields);
            await LoadAsync(cancellationToken);
            return Page();
        }

        TempData[LinkKey] = Url.PageLink("/Account/Register", values: new { invitation = result.Value.Token });
        TempData["Status"] = "Invitation made. Copy its link now: it is not shown again.";
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostRevokeAsync(Guid invitationId, CancellationToken cancellationToken)
    {
        var result = await api.RevokeInvitationAsync(invitationId, cancellationToken);
        if (result.Succeeded)
        {
            TempData["Status"] = "Invitation withdrawn: its link no longer works.";
        }
        else
        {
            TempData["Error"] = result.Problem.IsUnavailable
                ? "Nothing was withdrawn: the community service is not answering. Please try again in a minute."
                : result.Problem.Message;
        }

        return RedirectToPage();
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        var organisations = api.GetOrganisationsAsync(cancellationToken);
        var invitations = await api.ListInvitationsAsync(cancellationToken);
        if (invitations.Succeeded)
        {
            Invitations = invitations.Value;
        }
        else
        {
            LoadProblem = invitations.Problem;
        }

        Organisations = (await organisations) is { Succeeded: true } found ? [.. found.Value.OrderBy(o => o.Name)] : [];
    }

    public sealed class InputModel
    {
        [Range(1, 90, ErrorMessage = "An invitation is valid for 1 to 90 days.")]
        [Display(Name = "Valid for (days)")]
        public int ValidForDays { get; set; } = 14;

        [Range(1, 500, ErrorMessage = "An invitation can be used 1 to 500 times.")]
        [Display(Name = "How many people may use it")]
        public int MaxUses { get; set; } = 1;

        [Display(Name = "Organisation")]
        public Guid? OrganisationId { get; set; }
    }
}
