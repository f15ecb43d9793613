using CommunityOfPractice.Contracts.Community;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CommunityOfPractice.Api.Features.Account;

public static class AccountEndpoints
{
    public static void MapAccountEndpoints(this RouteGroupBuilder api)
    {
        var account = api.MapGroup("/account").WithTags("Account").AllowAnonymous();

        account.MapPost("/register", async Task<Created<Registered>> (
                RegisterMemberRequest body, ISender sender, CancellationToken cancellationToken) =>
            {
                var registered = await sender.Send(new RegisterMember.Command(body.Email, body.Password, body.DisplayName), cancellationToken);
                return TypedResults.Created("/api/v1/me", registered);
            })
            .WithName(nameof(RegisterMember))
            .WithSummary("Join the community (email, password, display name)")
            .ProducesValidationProblem();

        account.MapGet("/confirm-email", async Task<Results<NoContent, ProblemHttpResult>> (
                Guid memberId, string code, ISender sender, CancellationToken cancellationToken) =>
                await sender.Send(new ConfirmEmail.Command(memberId, code), cancellationToken)
                    ? TypedResults.NoContent()
                    : TypedResults.Problem("This confirmation link is not valid or has expired.", statusCode: StatusCodes.Status400BadRequest))
            .WithName(nameof(ConfirmEmail))
            .WithSummary("Confirm an email address from the link in the confirmation message")
            .ProducesValidationProblem();
    }
}
