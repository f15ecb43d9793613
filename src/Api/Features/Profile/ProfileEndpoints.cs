using CommunityOfPractice.Api.Infrastructure.Authorization;
using CommunityOfPractice.Contracts.Community;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CommunityOfPractice.Api.Features.Profile;

public static class ProfileEndpoints
{
    public static void MapProfileEndpoints(this RouteGroupBuilder api)
    {
        // An applicant waiting for approval has a profile too: signed in is enough.
        var me = api.MapGroup("/me").WithTags("Profile").RequireAuthorization(Policies.SignedIn);

        me.MapGet("/", async Task<Ok<MyProfile>> (Caller caller, ISender sender, CancellationToken cancellationToken) =>
                TypedResults.Ok(await sender.Send(new GetMyProfile.Query(caller), cancellationToken)))
            .WithName(nameof(GetMyProfile))
            .WithSummary("The signed-in member's profile")
            .ProducesProblem(StatusCodes.Status404NotFound);

        me.MapPut("/", async Task<Ok<MyProfile>> (
                UpdateProfileRequest body, Caller caller, ISender sender, CancellationToken cancellationToken) =>
                TypedResults.Ok(await sender.Send(
                    new UpdateMyProfile.Command(caller, body.DisplayName, body.Bio, body.OrganisationId, body.PlaceIds ?? [], body.Listing),
                    cancellationToken)))
            .WithName(nameof(UpdateMyProfile))
            .WithSummary("Edit the signed-in member's profile")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound);
    }
}
