using CommunityOfPractice.Api.Data;
using CommunityOfPractice.Api.Features.Library.Storage;
using CommunityOfPractice.Domain.Library;
using Microsoft.EntityFrameworkCore;

namespace CommunityOfPractice.Api.Features.Library;

/// <summary>
/// Puts a checked upload into storage and records it in the same unit of work: if the database
/// part fails, a blob this upload added (and nothing else refers to) is removed again, so a
/// refused or failed upload leaves no orphan file and no half row.
/// </summary>
public sealed class PaperFiles(AppDbContext db, IPaperStorage storage, ExtractionSignal signal, ILogger<PaperFiles> logger)
{
    public async Task<T> StoreAndRecordAsync<T>(ReceivedFile? file, Func<StoredFile?, Task<T>> record, CancellationToken cancellationToken)
    {
        StoredFile? stored = null;
        var added = false;
        if (file is not null)
        {
            var pageCount = PaperUpload.InspectPdf(file);
            added = await storage.PutAsync(file.Sha256, file.Path, file.SizeBytes, cancellationToken);
            stored = new StoredFile(file.Sha256, file.SizeBytes, file.FileName, pageCount);
        }

        try
        {
            var result = await db.Database.CreateExecutionStrategy().ExecuteAsync(async () =>
            {
                db.ChangeTracker.Clear();
                await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
                var value = await record(stored);
                await db.SaveChangesAsync(cancellationToken);
                await transaction.CommitAsync(cancellationToken);
                return value;
            });
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

    public void Enqueue(PaperVersion version, DateTimeOffset now) =>
        db.Add(new ExtractionJob { VersionId = version.Id, EnqueuedAt = now });
}
