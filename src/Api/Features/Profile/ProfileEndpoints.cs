using System.Security.Claims;
using CommunityOfPractice.Api.Infrastructure;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CommunityOfPractice.Api.Features.Profile;

public static class ProfileEndpoints
{
    public static void MapProfileEndpoints(this RouteGroupBuilder api)
    {
        var me = api.MapGroup("/me").WithTags("Profile").RequireAuthorization();

        me.MapGet("/", async Task<Ok<ProfileDto>> (ClaimsPrincipal user, ISender sender, CancellationToken cancellationToken) =>
                TypedResults.Ok(await sender.Send(new GetMyProfile.Query(user.MemberId()), cancellationToken)))
            .WithSummary("The signed-in member's profile");

        me.MapPut("/", async Task<Ok<ProfileDto>> (
                UpdateMyProfile.Body body, ClaimsPrincipal user, ISender sender, CancellationToken cancellationToken) =>
                TypedResults.Ok(await sender.Send(
                    new UpdateMyProfile.Command(user.MemberId(), body.DisplayName, body.Bio, body.OrganisationId, body.PlaceIds ?? []),
                    cancellationToken)))
            .WithSummary("Edit the signed-in member's profile")
            .ProducesValidationProblem();
    }
}
