using System.ComponentModel.DataAnnotations;
using CommunityOfPractice.Contracts.Community;

namespace CommunityOfPractice.Web.Pages.Account;

/// <summary>
/// A newcomer joins. The Api owns the rules (unique email, password strength); the Web checks only
/// what it alone knows (the two passwords match) and shows the Api's answers next to the fields.
/// </summary>
public sealed class RegisterModel(ApiClient api) : PageModel
{
    private static readonly string[] _fields = [nameof(InputModel.Email), nameof(InputModel.Password), nameof(InputModel.DisplayName)];

    [BindProperty]
    public InputModel Input { get; set; } = new();

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!ModelState.IsValid)
        {
            return Page();
        }

        var result = await api.RegisterAsync(
            new RegisterMemberRequest(Input.Email.Trim(), Input.Password, Input.DisplayName.Trim()), cancellationToken);
        if (!result.Succeeded)
        {
            ModelState.AddApiProblem(result.Problem, _fields);
            return Page();
        }

        TempData[SignInModel.JoinedKey] = "Your account is ready — sign in";
        TempData[SignInModel.JoinedEmailKey] = result.Value.Email;
        return RedirectToPage("/Account/SignIn", new { ReturnUrl = Url.Content("~/Profile") });
    }

    // In the order of the form, so that the error summary reads top to bottom.
    public sealed class InputModel
    {
        [Required(ErrorMessage = "Tell the community your name.")]
        [StringLength(MemberLimits.DisplayNameMaxLength, ErrorMessage = "A display name has at most 80 characters.")]
        [Display(Name = "Display name")]
        public string DisplayName { get; set; } = string.Empty;

        [Required(ErrorMessage = "Enter your email address.")]
        [EmailAddress(ErrorMessage = "Enter a valid email address, like name@example.org.")]
        [StringLength(MemberLimits.EmailMaxLength, ErrorMessage = "An email address has at most 256 characters.")]
        [Display(Name = "Email address")]
        public string Email { get; set; } = string.Empty;

        [Required(ErrorMessage = "Choose a password.")]
        [DataType(DataType.Password)]
        public string Password { get; set; } = string.Empty;

        [Required(ErrorMessage = "Type your password again.")]
        [Compare(nameof(Password), ErrorMessage = "The two passwords do not match.")]
        [DataType(DataType.Password)]
        [Display(Name = "Confirm password")]
        public string ConfirmPassword { get; set; } = string.Empty;
    }
}
