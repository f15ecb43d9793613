using CommunityOfPractice.Api.Features.Account;
using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CommunityOfPractice.Api.Pages.Account;

/// <summary>The page the confirmation email links to: it confirms the address and says so, or says the link is spent.</summary>
public sealed class ConfirmEmailModel(ISender sender, IConfiguration configuration) : PageModel
{
    public bool Confirmed { get; private set; }

    public bool Resent { get; private set; }

    public string SignInUrl => AccountLinks.SignIn(configuration);

    public async Task<IActionResult> OnGetAsync(Guid member, string? code, CancellationToken cancellationToken)
    {
        Confirmed = member != Guid.Empty && !string.IsNullOrEmpty(code)
            && await sender.Send(new ConfirmEmail.Command(member, code), cancellationToken);
        if (!Confirmed)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
        }

        return Page();
    }

    public async Task<IActionResult> OnPostResendAsync(string? email, CancellationToken cancellationToken)
    {
        try
        {
            await sender.Send(new ResendConfirmation.Command(email ?? string.Empty), cancellationToken);
        }
        catch (FluentValidation.ValidationException)
        {
            // The same answer for a malformed address: the page says a link goes only if the address has an account.
        }

        Resent = true;
        return Page();
    }
}
