using System.Security.Claims;
using CommunityOfPractice.Api.Features.Library.Storage;
using CommunityOfPractice.Contracts;
using CommunityOfPractice.Domain.Community;
using CommunityOfPractice.Domain.Library;
using Mediator;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace CommunityOfPractice.Api.Features.Library;

public static class LibraryEndpoints
{
    public static void MapLibraryEndpoints(this RouteGroupBuilder api)
    {
        // Reading is open to visitors (public papers); the handlers decide per paper.
        var papers = api.MapGroup("/papers").WithTags("Library");
        Action<Microsoft.AspNetCore.Authorization.AuthorizationPolicyBuilder> publishers = policy =>
            policy.RequireRole(Roles.Funder, Roles.Host, Roles.Admin);

        papers.MapGet("/", async Task<Ok<SearchResults>> (
                string? q, PaperType[]? type, Guid[]? placeId, FrameworkStage[]? stage, Guid[]? organisationId, int[]? year, int? page, int? limit,
                ClaimsPrincipal user, ISender sender, CancellationToken cancellationToken) =>
                TypedResults.Ok(await sender.Send(new SearchPapers.Query(
                    LibraryReader.From(user), q, type ?? [], placeId ?? [], stage ?? [], organisationId ?? [], year ?? [], page, limit), cancellationToken)))
            .WithSummary("Search papers by what is inside them; filter by type, place, stage, organisation and year");

        papers.MapPost("/", async Task<Created<PaperDetail>> (
                HttpRequest request, ClaimsPrincipal user, ISender sender, IPaperStorage storage,
                IOptions<LibraryOptions> options, IOptions<JsonOptions> json, CancellationToken cancellationToken) =>
            {
                using var upload = await PaperUpload.ReceiveAsync(request, options.Value, storage.IncomingFolder, cancellationToken);
                var metadata = PublishPaper.ReadMetadata(upload.Metadata, json.Value.SerializerOptions);
                var paper = await sender.Send(new PublishPaper.Command(LibraryReader.From(user), metadata, upload.File), cancellationToken);
                return TypedResults.Created($"/api/v1/papers/{paper.Id}", paper);
            })
            .RequireAuthorization()
            .RequireAuthorization(publishers)
            .Accepts<PublishPaper.Request>("multipart/form-data")
            .WithSummary("Publish a paper (funders, hosts, admins): multipart with a JSON \"metadata\" part and a PDF \"file\" part")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesValidationProblem(StatusCodes.Status415UnsupportedMediaType);

        papers.MapGet("/{paperId:guid}", async Task<Ok<PaperDetail>> (
                Guid paperId, ClaimsPrincipal user, ISender sender, CancellationToken cancellationToken) =>
                TypedResults.Ok(await sender.Send(new GetPaper.Query(LibraryReader.From(user), paperId), cancellationToken)))
            .WithSummary("A paper with its versions (newest first)");

        papers.MapPost("/{paperId:guid}/versions", async Task<Created<PaperDetail>> (
                Guid paperId, HttpRequest request, ClaimsPrincipal user, ISender sender, IPaperStorage storage,
                IOptions<LibraryOptions> options, CancellationToken cancellationToken) =>
            {
                using var upload = await PaperUpload.ReceiveAsync(request, options.Value, storage.IncomingFolder, cancellationToken);
                var paper = await sender.Send(new AddVersion.Command(LibraryReader.From(user), paperId, upload.File), cancellationToken);
                return TypedResults.Created(PaperLinks.File(paperId, paper.CurrentVersion), paper);
            })
            .RequireAuthorization()
            .RequireAuthorization(publishers)
            .WithSummary("Upload a new version (the publisher or an admin): multipart with a PDF \"file\" part")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesValidationProblem(StatusCodes.Status415UnsupportedMediaType);

        papers.MapGet("/{paperId:guid}/file", (Guid paperId, bool? download, HttpContext http, ISender sender, CancellationToken cancellationToken) =>
                FileAsync(http, sender.Send(new DownloadPaper.Query(LibraryReader.From(http.User), paperId, null), cancellationToken), download))
            .WithSummary("The current version's PDF; supports range requests; ?download=true to save rather than open");

        papers.MapGet("/{paperId:guid}/versions/{number:int}/file", (Guid paperId, int number, bool? download, HttpContext http, ISender sender, CancellationToken cancellationToken) =>
                FileAsync(http, sender.Send(new DownloadPaper.Query(LibraryReader.From(http.User), paperId, number), cancellationToken), download))
            .WithSummary("One version's PDF; supports range requests");
    }

    private static async Task<FileStreamHttpResult> FileAsync(HttpContext http, ValueTask<DownloadPaper.Download> found, bool? download)
    {
        var file = await found;
        var disposition = new ContentDispositionHeaderValue(download == true ? "attachment" : "inline");
        disposition.SetHttpFileName(file.FileName);
        http.Response.Headers.ContentDisposition = disposition.ToString();
        return TypedResults.Stream(file.Content, "application/pdf", fileDownloadName: null, lastModified: file.UploadedAt,
            entityTag: new EntityTagHeaderValue($"\"{file.Sha256}\""), enableRangeProcessing: true);
    }
}
