using CommunityOfPractice.Api.Features.Account;
using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CommunityOfPractice.Api.Pages.Account;

/// <summary>
/// The page the link sent to a new address opens. It asks before it changes anything (mail
/// scanners open links; a button press is a person), then moves the account and says so.
/// </summary>
public sealed class ConfirmEmailChangeModel(ISender sender, IConfiguration configuration) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public Guid Member { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Email { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Code { get; set; }

    public bool Changed { get; private set; }

    public bool Failed { get; private set; }

    public string SignInUrl => AccountLinks.SignIn(configuration);

    public IActionResult OnGet()
    {
        if (Member == Guid.Empty || string.IsNullOrEmpty(Email) || string.IsNullOrEmpty(Code))
        {
            Failed = true;
            Response.StatusCode = StatusCodes.Status400BadRequest;
        }

        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        try
        {
            Changed = Member != Guid.Empty && !string.IsNullOrEmpty(Email) && !string.IsNullOrEmpty(Code)
                && await sender.Send(new ConfirmEmailChange.Command(Member, Email, Code), cancellationToken);
        }
        catch (FluentValidation.ValidationException)
        {
            Changed = false;
        }

        Failed = !Changed;
        if (Failed)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
        }

        return Page();
    }
}
