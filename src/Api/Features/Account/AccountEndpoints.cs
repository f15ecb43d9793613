using System.Security.Claims;
using CommunityOfPractice.Api.Infrastructure.Authorization;
using CommunityOfPractice.Api.Infrastructure.RateLimiting;
using CommunityOfPractice.Contracts.Community;
using CommunityOfPractice.Domain.Community;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CommunityOfPractice.Api.Features.Account;

public static class AccountEndpoints
{
    public static void MapAccountEndpoints(this RouteGroupBuilder api)
    {
        var account = api.MapGroup("/account").WithTags("Account").AllowAnonymous();

        account.MapPost("/password-reset", async Task<Accepted> (PasswordResetRequest body, ISender sender, CancellationToken cancellationToken) =>
            {
                await sender.Send(new RequestPasswordReset.Command(body.Email ?? string.Empty), cancellationToken);
                return TypedResults.Accepted((string?)null);
            })
            .WithName(nameof(RequestPasswordReset))
            .RequireRateLimiting(RateLimitPolicies.Account)
            .WithSummary("Sends a one-hour, single-use reset link if an account has this address; the answer is the same either way.")
            .ProducesValidationProblem();

        account.MapPost("/password-reset/confirm", async Task<NoContent> (ResetPasswordRequest body, ISender sender, CancellationToken cancellationToken) =>
            {
                await sender.Send(new ResetPassword.Command(body.MemberId, body.Code ?? string.Empty, body.Password ?? string.Empty), cancellationToken);
                return TypedResults.NoContent();
            })
            .WithName(nameof(ResetPassword))
            .RequireRateLimiting(RateLimitPolicies.Account)
            .WithSummary("Sets the new password from a reset link and ends the account's other sessions.")
            .ProducesValidationProblem();

        account.MapPost("/register", async Task<Created<Registered>> (
                RegisterMemberRequest body, ISender sender, CancellationToken cancellationToken) =>
            {
                var registered = await sender.Send(new RegisterMember.Command(
                    body.Email, body.Password, body.DisplayName, body.OrganisationId, body.ProposedOrganisationName,
                    body.PlaceIds, body.Why, body.Invitation), cancellationToken);
                return TypedResults.Created("/api/v1/me", registered);
            })
            .WithName(nameof(RegisterMember))
            .RequireRateLimiting(RateLimitPolicies.Account)
            .WithSummary("Join the community: email, password, display name, and the join request (or an invitation token)")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status410Gone);

        account.MapGet("/confirm-email", async Task<Results<NoContent, ProblemHttpResult>> (
                Guid memberId, string code, ISender sender, CancellationToken cancellationToken) =>
                await sender.Send(new ConfirmEmail.Command(memberId, code), cancellationToken)
                    ? TypedResults.NoContent()
                    : TypedResults.Problem("This confirmation link is not valid or has expired.", statusCode: StatusCodes.Status400BadRequest))
            .WithName(nameof(ConfirmEmail))
            .WithSummary("Confirm an email address from the link in the confirmation message")
            .ProducesValidationProblem();

        account.MapPost("/email-change/confirm", async Task<Results<NoContent, ProblemHttpResult>> (
                ConfirmEmailChangeRequest body, ISender sender, CancellationToken cancellationToken) =>
                await sender.Send(new ConfirmEmailChange.Command(body.MemberId, body.NewEmail ?? string.Empty, body.Code ?? string.Empty), cancellationToken)
                    ? TypedResults.NoContent()
                    : TypedResults.Problem("This link is not valid, was used already, or the address has an account now. Ask for the change again from your profile.", statusCode: StatusCodes.Status400BadRequest))
            .WithName(nameof(ConfirmEmailChange))
            .RequireRateLimiting(RateLimitPolicies.Account)
            .WithSummary("Move an account to its new address, from the link sent there")
            .ProducesValidationProblem();

        account.MapPost("/confirm-email/resend", async Task<Accepted> (PasswordResetRequest body, ISender sender, CancellationToken cancellationToken) =>
            {
                await sender.Send(new ResendConfirmation.Command(body.Email ?? string.Empty), cancellationToken);
                return TypedResults.Accepted((string?)null);
            })
            .WithName(nameof(ResendConfirmation))
            .RequireRateLimiting(RateLimitPolicies.Account)
            .WithSummary("Sends a new confirmation link if an unconfirmed account has this address; the answer is the same either way.")
            .ProducesValidationProblem();

        account.MapGet("/joining", async Task<Ok<JoiningRules>> (ISender sender, CancellationToken cancellationToken) =>
                TypedResults.Ok(await sender.Send(new GetJoiningRules.Query(), cancellationToken)))
            .WithName(nameof(GetJoiningRules))
            .WithSummary("How joining works here: by approval of a join request, or open");

        account.MapGet("/invitations/{token}", async Task<Ok<InvitationCheck>> (string token, ISender sender, CancellationToken cancellationToken) =>
                TypedResults.Ok(await sender.Send(new CheckInvitation.Query(token), cancellationToken)))
            .WithName(nameof(CheckInvitation))
            .WithSummary("Whether an invitation link still works, and the organisation it puts newcomers in")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status410Gone);

        // Under /me with the profile, but the account's business: where it signs in and gets mail.
        api.MapPost("/me/email", async Task<Accepted> (ChangeEmailRequest body, Caller caller, ISender sender, CancellationToken cancellationToken) =>
            {
                await sender.Send(new ChangeMyEmail.Command(caller, body.NewEmail ?? string.Empty, body.CurrentPassword ?? string.Empty), cancellationToken);
                return TypedResults.Accepted((string?)null);
            })
            .RequireAuthorization(Policies.SignedIn)
            .WithTags("Profile")
            .WithName(nameof(ChangeMyEmail))
            .RequireRateLimiting(RateLimitPolicies.Account)
            .WithSummary("Ask to move the account to a new address: a link goes there, and the change happens when it is followed")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound);

        api.MapDelete("/me/session", async Task<NoContent> (Caller caller, ClaimsPrincipal user, ISender sender, CancellationToken cancellationToken) =>
            {
                await sender.Send(new EndMySession.Command(caller, user), cancellationToken);
                return TypedResults.NoContent();
            })
            .RequireAuthorization(Policies.SignedIn)
            .WithTags("Profile")
            .WithName(nameof(EndMySession))
            .WithSummary("Sign out: end this session on the server (its tokens stop working at once)");

        MapJoinRequests(api);
        MapInvitations(api);
    }

    private static void MapJoinRequests(RouteGroupBuilder api)
    {
        // Each endpoint names its policy: policies on a group and its endpoint would both apply.
        var requests = api.MapGroup("/join-requests").WithTags("Joining");

        // The applicant is not a member yet: signed in is enough to read their own request.
        requests.MapGet("/mine", async Task<Ok<JoinRequestView>> (Caller caller, ISender sender, CancellationToken cancellationToken) =>
                TypedResults.Ok(await sender.Send(new GetMyJoinRequest.Query(caller), cancellationToken)))
            .RequireAuthorization(Policies.SignedIn)
            .WithName(nameof(GetMyJoinRequest))
            .WithSummary("My latest join request and where it stands")
            .ProducesProblem(StatusCodes.Status404NotFound);

        requests.MapGet("/", async Task<Ok<JoinRequestPage>> (
                JoinRequestStatus? status, int? page, int? limit, ISender sender, CancellationToken cancellationToken) =>
                TypedResults.Ok(await sender.Send(new ListJoinRequests.Query(status ?? JoinRequestStatus.Pending, page, limit), cancellationToken)))
            .RequireAuthorization(Policies.Moderator)
            .WithName(nameof(ListJoinRequests))
            .WithSummary("Join requests with one status (Pending by default), oldest waiting first (moderators)")
            .ProducesValidationProblem();

        requests.MapPost("/{requestId:guid}/approve", async Task<Ok<JoinRequestView>> (
                Guid requestId, DecideJoinRequestRequest? body, Caller caller, ISender sender, CancellationToken cancellationToken) =>
                TypedResults.Ok(await sender.Send(new ApproveJoinRequest.Command(caller, requestId, body?.Message), cancellationToken)))
            .RequireAuthorization(Policies.Moderator)
            .WithName(nameof(ApproveJoinRequest))
            .WithSummary("Approve a join request, with an optional message: the applicant becomes a member (moderators)")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

        requests.MapPost("/{requestId:guid}/decline", async Task<Ok<JoinRequestView>> (
                Guid requestId, DecideJoinRequestRequest body, Caller caller, ISender sender, CancellationToken cancellationToken) =>
                TypedResults.Ok(await sender.Send(new DeclineJoinRequest.Command(caller, requestId, body.Message), cancellationToken)))
            .RequireAuthorization(Policies.Moderator)
            .WithName(nameof(DeclineJoinRequest))
            .WithSummary("Decline a join request, saying why (moderators)")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
    }

    private static void MapInvitations(RouteGroupBuilder api)
    {
        var invitations = api.MapGroup("/invitations").WithTags("Joining").RequireAuthorization();

        invitations.MapPost("/", async Task<Created<CreatedInvitation>> (
                CreateInvitationRequest body, Caller caller, ISender sender, CancellationToken cancellationToken) =>
            {
                var created = await sender.Send(new CreateInvitation.Command(caller, body.ValidForDays, body.MaxUses, body.OrganisationId), cancellationToken);
                return TypedResults.Created($"/api/v1/invitations/{created.Id}", created);
            })
            .WithName(nameof(CreateInvitation))
            .WithSummary("Make an invitation link that skips approval (moderators; org admins for their organisation); the token is shown once")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status403Forbidden);

        invitations.MapGet("/", async Task<Ok<IReadOnlyList<InvitationView>>> (Caller caller, ISender sender, CancellationToken cancellationToken) =>
                TypedResults.Ok(await sender.Send(new ListInvitations.Query(caller), cancellationToken)))
            .WithName(nameof(ListInvitations))
            .WithSummary("Invitations still usable: all for moderators, one's own for org admins");

        invitations.MapDelete("/{invitationId:guid}", async Task<NoContent> (
                Guid invitationId, Caller caller, ISender sender, CancellationToken cancellationToken) =>
            {
                await sender.Send(new RevokeInvitation.Command(caller, invitationId), cancellationToken);
                return TypedResults.NoContent();
            })
            .WithName(nameof(RevokeInvitation))
            .WithSummary("Withdraw an invitation: its link stops working (its maker or a moderator)")
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);
    }
}
