using System.ComponentModel.DataAnnotations;

namespace CommunityOfPractice.Web.Pages.Admin;

/// <summary>An admin suspends someone, saying why; the Api ends their sessions at once.</summary>
public sealed class SuspendModel(ApiClient api) : PageModel
{
    private static readonly string[] _fields = [nameof(InputModel.Reason)];

    [BindProperty(SupportsGet = true)]
    public Guid PersonId { get; set; }

    [BindProperty(SupportsGet = true)]
    [StringLength(200)]
    public string Name { get; set; } = "this person";

    [BindProperty]
    public InputModel Input { get; set; } = new();

    public IActionResult OnGet() => PersonId == Guid.Empty ? RedirectToPage("/Admin/People") : Page();

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (PersonId == Guid.Empty)
        {
            return RedirectToPage("/Admin/People");
        }

        if (ModelState.IsValid)
        {
            var result = await api.SuspendAsync(PersonId, Input.Reason.Trim(), cancellationToken);
            if (result.Succeeded)
            {
                TempData["Status"] = $"{Name} is suspended and signed out everywhere.";
                return RedirectToPage("/Admin/People");
            }

            ModelState.AddApiProblem(result.Problem, _fields);
        }

        return Page();
    }

    public sealed class InputModel
    {
        [Required(ErrorMessage = "Say why: the member is shown this when they try to sign in.")]
        [StringLength(500, ErrorMessage = "Keep the reason to 500 characters.")]
        [Display(Name = "Reason")]
        public string Reason { get; set; } = string.Empty;
    }
}
