using CommunityOfPractice.Api.Features.Library.Reading;
using CommunityOfPractice.Api.Features.Library.Storage;
using CommunityOfPractice.Domain.Library;
using Microsoft.Extensions.Options;

namespace CommunityOfPractice.Api.Features.Library;

/// <summary>A version waiting for its text to be read. The row is the queue: it survives restarts.</summary>
public sealed class ExtractionJob
{
    public long Id { get; init; }
    public required Guid VersionId { get; init; }
    public int Attempts { get; set; }
    public required DateTimeOffset EnqueuedAt { get; init; }

    /// <summary>Set while a worker holds the job; a job whose lease ran out (a crash) is taken again.</summary>
    public DateTimeOffset? LockedUntil { get; set; }
}

/// <summary>Wakes the worker when a job is queued here, and tells listeners (tests, the benchmark) when a version is done.</summary>
public sealed class ExtractionSignal
{
    private readonly SemaphoreSlim _wake = new(0);

    /// <summary>Raised after commit with the paper's id, the version number and the outcome.</summary>
    public event Action<Guid, int, ExtractionStatus>? VersionProcessed;

    public void Wake() => _wake.Release();

    internal Task<bool> WaitAsync(TimeSpan timeout, CancellationToken cancellationToken) => _wake.WaitAsync(timeout, cancellationToken);

    internal void Processed(PaperVersion version) => VersionProcessed?.Invoke(version.PaperId, version.Number, version.Status);
}

/// <summary>
/// Reads the text of uploaded PDFs in the background, page by page, through <see cref="PdfReader"/>
/// (a child process with its own memory and time budget). Jobs are claimed with FOR UPDATE SKIP
/// LOCKED and a lease, so several Api instances share the queue and a job held by a crashed one is
/// taken again. A PDF that cannot be read, or that passes a budget of the reader, marks its version
/// Failed (shown to the uploader), never crashes the worker; other errors are retried a few times. A job whose tries
/// never finished (each took the process down) is marked Failed at its next claim, unread, so one
/// file cannot crash the Api again and again.
/// </summary>
public sealed class ExtractionWorker(
    IServiceScopeFactory scopes, ExtractionSignal signal, PdfReader reader, IOptions<LibraryOptions> options, TimeProvider clock,
    ILogger<ExtractionWorker> logger)
    : BackgroundService
{
    public const int MaxAttempts = 3;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Let start-up (migrations) finish before the first look at the queue.
        await Task.Yield();
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                while (await ProcessNextAsync(stoppingToken))
                {
                }
            }
            catch (Exception exception) when (!stoppingToken.IsCancellationRequested)
            {
                logger.LogWarning(exception, "The extraction queue could not be read; trying again shortly");
            }

            try
            {
                await signal.WaitAsync(options.Value.ExtractionPollInterval, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    /// <summary>Takes and processes one job; false when the queue has nothing ready.</summary>
    public async Task<bool> ProcessNextAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var storage = scope.ServiceProvider.GetRequiredService<IPaperStorage>();
        var now = clock.GetUtcNow();
        // Longer than the reader may take, so a live job's lease never runs out under it.
        var lease = options.Value.Reader.ExtractTimeout + TimeSpan.FromMinutes(2);

        var claimed = await db.Database.SqlQuery<ClaimedJob>($"""
            UPDATE paper_extraction_jobs SET locked_until = {now + lease}, attempts = attempts + 1
            WHERE id = (SELECT id FROM paper_extraction_jobs
                        WHERE locked_until IS NULL OR locked_until < {now}
                        ORDER BY id FOR UPDATE SKIP LOCKED LIMIT 1)
            RETURNING id, version_id, attempts
            """).ToListAsync(cancellationToken);
        if (claimed is not [var job])
        {
            return false;
        }

        var version = await db.PaperVersions.SingleOrDefaultAsync(v => v.Id == job.VersionId, cancellationToken);
        if (version is null)
        {
            await db.Database.ExecuteSqlAsync($"DELETE FROM paper_extraction_jobs WHERE id = {job.Id}", cancellationToken);
            return true;
        }

        // Claimed more often than it may be tried: the earlier tries never finished, because
        // reading this file stopped the process each time (memory, a crash). It is not read again.
        if (job.Attempts > MaxAttempts)
        {
            logger.LogError("Extraction of paper version {VersionId} was cut off {Attempts} times; giving up without reading it again", version.Id, job.Attempts - 1);
            await FinishAsync(db, job, version, v => v.Failed(
                "The text of this PDF could not be read: reading it stopped the server several times, so it is not tried again.", clock.GetUtcNow()), [], cancellationToken);
            signal.Processed(version);
            return true;
        }

        List<PaperPage> pages;
        try
        {
            pages = await ReadPagesAsync(storage, version, cancellationToken);
        }
        catch (PdfUnreadableException exception)
        {
            // The file's fault (damaged, or past a budget of the reader): trying again would end the same way.
            logger.LogWarning("Text of paper version {VersionId} could not be read ({Reason}): {Message}", version.Id, exception.Reason, exception.Message);
            var message = exception.Reason == PdfReadFailure.Unreadable
                ? $"The text of this PDF could not be read ({exception.Message})."
                : exception.Message;
            await FinishAsync(db, job, version, v => v.Failed(message, clock.GetUtcNow()), [], cancellationToken);
            signal.Processed(version);
            return true;
        }
        catch (Exception exception) when (exception is not OperationCanceledException && job.Attempts < MaxAttempts)
        {
            // Storage or database trouble: the lease runs out and the job is tried again.
            logger.LogWarning(exception, "Extraction of paper version {VersionId} failed (attempt {Attempt}); will retry", version.Id, job.Attempts);
            return true;
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            logger.LogError(exception, "Extraction of paper version {VersionId} failed {Attempts} times; giving up", version.Id, job.Attempts);
            await FinishAsync(db, job, version, v => v.Failed("The text of this PDF could not be read after several attempts.", clock.GetUtcNow()), [], cancellationToken);
            signal.Processed(version);
            return true;
        }

        await FinishAsync(db, job, version, v => v.Indexed(pages.Count, clock.GetUtcNow()), pages, cancellationToken);
        signal.Processed(version);
        return true;
    }

    private static async Task FinishAsync(
        AppDbContext db, ClaimedJob job, PaperVersion version, Action<PaperVersion> outcome, List<PaperPage> pages, CancellationToken cancellationToken)
    {
        await db.Database.CreateExecutionStrategy().ExecuteAsync(async () =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            await db.PaperPages.Where(p => p.VersionId == version.Id).ExecuteDeleteAsync(cancellationToken);
            outcome(version);
            db.PaperPages.AddRange(pages);
            await db.SaveChangesAsync(cancellationToken);
            await db.Database.ExecuteSqlAsync($"DELETE FROM paper_extraction_jobs WHERE id = {job.Id}", cancellationToken);
            await PaperSearchIndex.RefreshAsync(db, version.PaperId, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        });
    }

    /// <summary>
    /// The reader takes a path: a blob on local disk is read where it lies (S3 storage hands over a
    /// local copy already); any other stream is copied to a temporary file first.
    /// </summary>
    private async Task<List<PaperPage>> ReadPagesAsync(IPaperStorage storage, PaperVersion version, CancellationToken cancellationToken)
    {
        await using var blob = await storage.OpenReadAsync(version.Sha256, cancellationToken);
        string? copy = null;
        try
        {
            var path = blob is FileStream file ? file.Name : copy = Path.Combine(storage.IncomingFolder, $"extract-{Guid.NewGuid():N}");
            if (copy is not null)
            {
                await using var target = File.Create(copy);
                await blob.CopyToAsync(target, cancellationToken);
            }

            var pages = await reader.ReadPagesAsync(path, cancellationToken);
            return pages.ConvertAll(page => new PaperPage(version.Id, page.Number, page.Text));
        }
        finally
        {
            if (copy is not null)
            {
                File.Delete(copy);
            }
        }
    }

    // Columns are matched in snake_case, like every mapped name here.
    private sealed record ClaimedJob(long Id, Guid VersionId, int Attempts);
}
