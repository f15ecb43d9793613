using CommunityOfPractice.Api.Features.Library.Reading;
using CommunityOfPractice.Api.Features.Library.Storage;
using CommunityOfPractice.Domain.Library;
using Microsoft.Extensions.Options;

namespace CommunityOfPractice.Api.Features.Library;

/// <summary>
/// Puts a checked upload into storage, then has its rows recorded. Blob storage cannot join a
/// database transaction, so the two happen in this order: the PDF is inspected and its blob put
/// first; then <c>record</c> sends the use case's <see cref="Infrastructure.Persistence.ITransactional"/>
/// command, whose whole transaction (commit and retries included) runs inside that send. If it
/// fails, a blob this upload added (and no version refers to) is removed again, so a refused or
/// failed upload leaves no orphan file and no half row. After commit the extraction worker is
/// woken (before it, the worker would not see the queued job).
/// </summary>
public sealed class PaperFiles(
    AppDbContext db, IPaperStorage storage, PdfReader reader, ExtractionSignal signal, IOptions<LibraryOptions> options, ILogger<PaperFiles> logger)
{
    public async Task<T> StoreThenRecordAsync<T>(ReceivedFile? file, Func<StoredFile?, ValueTask<T>> record, CancellationToken cancellationToken)
    {
        StoredFile? stored = null;
        var added = false;
        if (file is not null)
        {
            var pageCount = await PaperUpload.InspectPdfAsync(file, options.Value.MaxPages, reader, cancellationToken);
            added = await storage.PutAsync(file.Sha256, file.Path, file.SizeBytes, cancellationToken);
            stored = new StoredFile(file.Sha256, file.SizeBytes, file.FileName, pageCount);
        }

        try
        {
            var result = await record(stored);
            if (stored is not null)
            {
                signal.Wake();
            }

            return result;
        }
        catch when (added)
        {
            await ForgetAsync(stored!.Sha256);
            throw;
        }
    }

    /// <summary>Queues the version's text extraction, in the same transaction as the version.</summary>
    public void Enqueue(PaperVersion version, DateTimeOffset now) =>
        db.Add(new ExtractionJob { VersionId = version.Id, EnqueuedAt = now });

    // The transaction has been rolled back by now, so this reads what is committed.
    private async Task ForgetAsync(string sha256)
    {
        try
        {
            db.ChangeTracker.Clear();
            if (!await db.PaperVersions.AnyAsync(v => v.Sha256 == sha256))
            {
                await storage.DeleteAsync(sha256, CancellationToken.None);
            }
        }
        catch (Exception exception)
        {
            logger.LogError(exception, "Blob {Sha256} of a failed upload could not be removed", sha256);
        }
    }
}
