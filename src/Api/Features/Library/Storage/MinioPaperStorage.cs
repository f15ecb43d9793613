using Minio;
using Minio.DataModel.Args;
using Minio.Exceptions;

namespace CommunityOfPractice.Api.Features.Library.Storage;

/// <summary>
/// Blobs as objects "papers/{sha256}.pdf" in an S3-compatible bucket (Minio, AWS S3, …). Reads are
/// copied to a local temporary file first, so downloads stay seekable for range requests.
/// </summary>
public sealed class MinioPaperStorage(IMinioClient client, string bucket) : IPaperStorage
{
    private readonly SemaphoreSlim _bucketChecked = new(1, 1);
    private bool _bucketExists;

    public string IncomingFolder { get; } = Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), "cop-library-incoming")).FullName;

    public async Task<bool> PutAsync(string sha256, string localPath, long sizeBytes, CancellationToken cancellationToken)
    {
        await EnsureBucketAsync(cancellationToken);
        if (await ExistsAsync(sha256, cancellationToken))
        {
            return false;
        }

        await using var file = File.OpenRead(localPath);
        await client.PutObjectAsync(new PutObjectArgs().WithBucket(bucket).WithObject(Key(sha256))
            .WithStreamData(file).WithObjectSize(sizeBytes).WithContentType("application/pdf"), cancellationToken);
        return true;
    }

    public async Task<Stream> OpenReadAsync(string sha256, CancellationToken cancellationToken)
    {
        var local = new FileStream(Path.Combine(IncomingFolder, $"read-{Guid.NewGuid():N}"), FileMode.CreateNew, FileAccess.ReadWrite,
            FileShare.None, 64 * 1024, FileOptions.DeleteOnClose | FileOptions.Asynchronous);
        try
        {
            await client.GetObjectAsync(new GetObjectArgs().WithBucket(bucket).WithObject(Key(sha256))
                .WithCallbackStream((stream, token) => stream.CopyToAsync(local, token)), cancellationToken);
            local.Position = 0;
            return local;
        }
        catch
        {
            await local.DisposeAsync();
            throw;
        }
    }

    public async Task DeleteAsync(string sha256, CancellationToken cancellationToken) =>
        await client.RemoveObjectAsync(new RemoveObjectArgs().WithBucket(bucket).WithObject(Key(sha256)), cancellationToken);

    private async Task<bool> ExistsAsync(string sha256, CancellationToken cancellationToken)
    {
        try
        {
            await client.StatObjectAsync(new StatObjectArgs().WithBucket(bucket).WithObject(Key(sha256)), cancellationToken);
            return true;
        }
        catch (ObjectNotFoundException)
        {
            return false;
        }
    }

    private async Task EnsureBucketAsync(CancellationToken cancellationToken)
    {
        if (_bucketExists)
        {
            return;
        }

        await _bucketChecked.WaitAsync(cancellationToken);
        try
        {
            if (!await client.BucketExistsAsync(new BucketExistsArgs().WithBucket(bucket), cancellationToken))
            {
                await client.MakeBucketAsync(new MakeBucketArgs().WithBucket(bucket), cancellationToken);
            }

            _bucketExists = true;
        }
        finally
        {
            _bucketChecked.Release();
        }
    }

    private static string Key(string sha256) => $"papers/{sha256}.pdf";
}
