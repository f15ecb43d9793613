using CommunityOfPractice.Api.Features.Library.Storage;

namespace CommunityOfPractice.Api.Features.Library;

/// <summary>Finds the blob of a version the caller may download (the current one when no number is given).</summary>
public static class DownloadPaper
{
    public sealed record Query(Caller Caller, Guid PaperId, int? Version) : IQuery<Download>;

    /// <summary>The file to stream; not a wire record (the endpoint sends the bytes, with these as headers).</summary>
    public sealed record Download(Stream Content, string FileName, string Sha256, DateTimeOffset UploadedAt);

    internal sealed class Handler(AppDbContext db, IPaperStorage storage) : IQueryHandler<Query, Download>
    {
        public async ValueTask<Download> Handle(Query query, CancellationToken cancellationToken)
        {
            var version = await db.Papers.AsNoTracking().ReadableBy(query.Caller).Where(p => p.Id == query.PaperId)
                .SelectMany(p => p.Versions.Where(v => v.Number == (query.Version ?? p.CurrentVersion)))
                .Select(v => new { v.FileName, v.Sha256, v.UploadedAt })
                .SingleOrDefaultAsync(cancellationToken)
                ?? throw new NotFoundException(query.Version is null ? "This paper has no file here." : "There is no such version of this paper.");
            var content = await storage.OpenReadAsync(version.Sha256, cancellationToken);
            return new Download(content, version.FileName, version.Sha256, version.UploadedAt);
        }
    }
}
