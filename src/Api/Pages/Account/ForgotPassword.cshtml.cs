using CommunityOfPractice.Api.Features.Account;
using FluentValidation;
using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace CommunityOfPractice.Api.Pages.Account;

/// <summary>Asks for a reset link; says the same whether or not the address has an account.</summary>
public sealed class ForgotPasswordModel(ISender sender) : PageModel
{
    [BindProperty]
    public string? Email { get; set; }

    public bool Sent { get; private set; }

    public string? Message { get; private set; }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        try
        {
            await sender.Send(new RequestPasswordReset.Command(Email ?? string.Empty), cancellationToken);
            Sent = true;
        }
        catch (ValidationException exception)
        {
            Message = exception.Errors.First().ErrorMessage;
        }

        return Page();
    }
}
