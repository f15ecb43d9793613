using CommunityOfPractice.Api.Features.Account;
using CommunityOfPractice.Api.Infrastructure.RateLimiting;
using FluentValidation;
using Mediator;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;

namespace CommunityOfPractice.Api.Pages.Account;

/// <summary>The page a reset link opens: a new password, or a clear message when the link is spent or expired.</summary>
[EnableRateLimiting(RateLimitPolicies.Account)]
public sealed class ResetPasswordModel(ISender sender, IConfiguration configuration) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public Guid Member { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Code { get; set; }

    [BindProperty]
    public string? Password { get; set; }

    public bool Done { get; private set; }

    public string? Message { get; private set; }

    public string? LinkProblem { get; private set; }

    public string SignInUrl => AccountLinks.SignIn(configuration);

    public void OnGet()
    {
        if (Member == Guid.Empty || string.IsNullOrEmpty(Code))
        {
            LinkProblem = "This link is incomplete. Copy the whole link from the email, or ask for a new one.";
        }
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        try
        {
            await sender.Send(new ResetPassword.Command(Member, Code ?? string.Empty, Password ?? string.Empty), cancellationToken);
            Done = true;
        }
        catch (ValidationException exception)
        {
            var codeError = exception.Errors.FirstOrDefault(e => e.PropertyName is nameof(ResetPassword.Command.Code) or nameof(ResetPassword.Command.MemberId));
            if (codeError is not null)
            {
                LinkProblem = codeError.ErrorMessage;
            }
            else
            {
                Message = string.Join(" ", exception.Errors.Select(e => e.ErrorMessage));
            }
        }

        return Page();
    }
}
