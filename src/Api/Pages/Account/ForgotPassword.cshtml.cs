using CommunityOfPractice.Api.Features.Account;
using CommunityOfPractice.Api.Infrastructure.RateLimiting;
using FluentValidation;
using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;

namespace CommunityOfPractice.Api.Pages.Account;

/// <summary>Asks for a reset link; says the same whether or not the address has an account.</summary>
[EnableRateLimiting(RateLimitPolicies.Account)]
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
