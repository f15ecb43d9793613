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

        // A download, not a page: never kept by a browser or a proxy.
        me.MapGet("/data", async Task<Ok<MyDataExport>> (Caller caller, ISender sender, HttpContext context, CancellationToken cancellationToken) =>
            {
                var export = await sender.Send(new ExportMyData.Query(caller), cancellationToken);
                context.Response.Headers.CacheControl = "no-store";
                context.Response.Headers.ContentDisposition = $"attachment; filename=\"{FileName(export)}\"";
                return TypedResults.Ok(export);
            })
            .WithName(nameof(ExportMyData))
            .WithSummary("Everything held about the signed-in member, as one JSON document to keep (UK GDPR: access and portability)")
            .ProducesProblem(StatusCodes.Status404NotFound);

        me.MapPost("/deletion", async Task<NoContent> (DeleteAccountRequest body, Caller caller, ISender sender, CancellationToken cancellationToken) =>
            {
                await sender.Send(new DeleteMyAccount.Command(caller, body.Password ?? string.Empty, body.RemoveContent), cancellationToken);
                return TypedResults.NoContent();
            })
            .WithName(nameof(DeleteMyAccount))
            .WithSummary("Delete the signed-in member's account, with their password: posts stay by \"Former member\" unless removeContent is true; every token of the account stops working")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
    }

    /// <summary>The name the download is saved under: the site and the day.</summary>
    public static string FileName(MyDataExport export) => $"community-of-practice-my-data-{export.ExportedAt:yyyy-MM-dd}.json";
}
