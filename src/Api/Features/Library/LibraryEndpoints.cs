using CommunityOfPractice.Api.Features.Library.Storage;
using CommunityOfPractice.Api.Infrastructure.Authorization;
using CommunityOfPractice.Api.Infrastructure.RateLimiting;
using CommunityOfPractice.Contracts.Library;
using CommunityOfPractice.Domain.Community;
using CommunityOfPractice.Domain.Library;
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

        papers.MapGet("/", async Task<Ok<SearchResults>> (
                string? q, PaperType[]? type, Guid[]? placeId, FrameworkStage[]? stage, Guid[]? organisationId, int[]? year, int? page, int? limit,
                Caller caller, ISender sender, CancellationToken cancellationToken) =>
                TypedResults.Ok(await sender.Send(new SearchPapers.Query(
                    caller, q, type ?? [], placeId ?? [], stage ?? [], organisationId ?? [], year ?? [], page, limit), cancellationToken)))
            .WithName(nameof(SearchPapers))
            .RequireRateLimiting(RateLimitPolicies.Search)
            .WithSummary("Search papers by what is inside them; filter by type, place, stage, organisation and year")
            .ProducesValidationProblem();

        papers.MapPost("/", async Task<Created<PaperDetail>> (
                HttpRequest request, Caller caller, ISender sender, IPaperStorage storage,
                IOptions<LibraryOptions> options, IOptions<JsonOptions> json, CancellationToken cancellationToken) =>
            {
                using var upload = await PaperUpload.ReceiveAsync(request, options.Value, storage.IncomingFolder, cancellationToken);
                var metadata = PublishPaper.ReadMetadata(upload.Metadata, json.Value.SerializerOptions);
                var paper = await sender.Send(new PublishPaper.Command(caller, metadata, upload.File), cancellationToken);
                return TypedResults.Created(PaperLinks.Paper(paper.Id), paper);
            })
            .RequireAuthorization(Policies.Publisher)
            .Accepts<PublishPaperRequest>("multipart/form-data")
            .WithName(nameof(PublishPaper))
            .RequireRateLimiting(RateLimitPolicies.Uploads)
            .WithSummary("Publish a paper (funders, hosts, admins): multipart with a JSON \"metadata\" part and a PDF \"file\" part")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesValidationProblem(StatusCodes.Status415UnsupportedMediaType);

        papers.MapGet("/{paperId:guid}", async Task<Ok<PaperDetail>> (
                Guid paperId, Caller caller, ISender sender, CancellationToken cancellationToken) =>
                TypedResults.Ok(await sender.Send(new GetPaper.Query(caller, paperId), cancellationToken)))
            .WithName(nameof(GetPaper))
            .WithSummary("A paper with its versions (newest first)")
            .ProducesProblem(StatusCodes.Status404NotFound);

        papers.MapPost("/{paperId:guid}/versions", async Task<Created<PaperDetail>> (
                Guid paperId, HttpRequest request, Caller caller, ISender sender, IPaperStorage storage,
                IOptions<LibraryOptions> options, CancellationToken cancellationToken) =>
            {
                using var upload = await PaperUpload.ReceiveAsync(request, options.Value, storage.IncomingFolder, cancellationToken);
                var paper = await sender.Send(new AddVersion.Command(caller, paperId, upload.File), cancellationToken);
                return TypedResults.Created(PaperLinks.File(paperId, paper.CurrentVersion), paper);
            })
            .RequireAuthorization(Policies.Publisher)
            .WithName(nameof(AddVersion))
            .RequireRateLimiting(RateLimitPolicies.Uploads)
            .WithSummary("Upload a new version (the publisher or an admin): multipart with a PDF \"file\" part")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesValidationProblem(StatusCodes.Status415UnsupportedMediaType);

        papers.MapGet("/{paperId:guid}/file", (
                Guid paperId, bool? download, Caller caller, HttpContext http, ISender sender, CancellationToken cancellationToken) =>
                FileAsync(http, sender.Send(new DownloadPaper.Query(caller, paperId, null), cancellationToken), download))
            .WithName(nameof(DownloadPaper))
            .WithSummary("The current version's PDF; supports range requests; ?download=true to save rather than open")
            .ProducesPdf();

        papers.MapGet("/{paperId:guid}/versions/{number:int}/file", (
                Guid paperId, int number, bool? download, Caller caller, HttpContext http, ISender sender, CancellationToken cancellationToken) =>
                FileAsync(http, sender.Send(new DownloadPaper.Query(caller, paperId, number), cancellationToken), download))
            .WithName("DownloadPaperVersion")
            .WithSummary("One version's PDF; supports range requests")
            .ProducesPdf();
    }

    // The whole file, a range of it, "not modified" for a matching ETag, or a range past its end;
    // 404 for a paper the caller may not read, like one that does not exist.
    private static RouteHandlerBuilder ProducesPdf(this RouteHandlerBuilder endpoint) => endpoint
        .Produces<Stream>(StatusCodes.Status200OK, "application/pdf")
        .Produces<Stream>(StatusCodes.Status206PartialContent, "application/pdf")
        .Produces(StatusCodes.Status304NotModified)
        .ProducesProblem(StatusCodes.Status404NotFound)
        .Produces(StatusCodes.Status416RangeNotSatisfiable);

    private static async Task<FileStreamHttpResult> FileAsync(HttpContext http, ValueTask<DownloadPaper.Download> found, bool? download)
    {
        var file = await found;
        var disposition = new ContentDispositionHeaderValue(download == true ? "attachment" : "inline");
        disposition.SetHttpFileName(file.FileName);
        http.Response.Headers.ContentDisposition = disposition.ToString();
        http.Response.Headers.ContentSecurityPolicy = PaperFileHeaders.ContentSecurityPolicy;
        http.Response.Headers.XContentTypeOptions = PaperFileHeaders.ContentTypeOptions;
        return TypedResults.Stream(file.Content, "application/pdf", fileDownloadName: null, lastModified: file.UploadedAt,
            entityTag: new EntityTagHeaderValue($"\"{file.Sha256}\""), enableRangeProcessing: true);
    }
}
