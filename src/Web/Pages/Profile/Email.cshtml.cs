using System.ComponentModel.DataAnnotations;
using CommunityOfPractice.Contracts.Community;

namespace CommunityOfPractice.Web.Pages.Profile;

/// <summary>
/// Moving the account to a new address: the new address and the current password go to the Api,
/// which sends a link there; the account moves when it is followed. Until then the profile says
/// which address waits.
/// </summary>
public sealed class EmailModel(ApiClient api) : PageModel
{
    private static readonly string[] _fields = [nameof(InputModel.NewEmail), nameof(InputModel.CurrentPassword)];

    [BindProperty]
    public InputModel Input { get; set; } = new();

    public MyProfile? Me { get; private set; }

    public ApiProblem? LoadProblem { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (ModelState.IsValid)
        {
            var result = await api.ChangeMyEmailAsync(new ChangeEmailRequest(Input.NewEmail.Trim(), Input.CurrentPassword), cancellationToken);
            if (result.Succeeded)
            {
                TempData["Status"] = $"We sent a link to {Input.NewEmail.Trim()}. Follow it to move your account there; until then nothing changes.";
                return RedirectToPage("Index");
            }

            ModelState.AddApiProblem(result.Problem, _fields);
        }

        // The password is never drawn back into the page.
        Input.CurrentPassword = string.Empty;
        await LoadAsync(cancellationToken);
        return Page();
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        var me = await api.GetMyProfileAsync(cancellationToken);
        LoadProblem = me.Problem;
        Me = LoadProblem is null ? me.Value : null;
    }

    public sealed class InputModel
    {
        [Required(ErrorMessage = "Enter the new email address.")]
        [EmailAddress(ErrorMessage = "Enter an email address like name@example.org.")]
        [StringLength(256, ErrorMessage = "An email address has at most 256 characters.")]
        [Display(Name = "New email address")]
        public string NewEmail { get; set; } = string.Empty;

        [Required(ErrorMessage = "Enter your current password, to show it is you.")]
        [DataType(DataType.Password)]
        [Display(Name = "Current password")]
        public string CurrentPassword { get; set; } = string.Empty;
    }
}
