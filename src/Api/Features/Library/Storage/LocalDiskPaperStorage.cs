namespace CommunityOfPractice.Api.Features.Library.Storage;

/// <summary>Blobs as files under {root}/blobs/ab/abcdef….pdf; uploads arrive in {root}/incoming on the same volume.</summary>
public sealed class LocalDiskPaperStorage : IPaperStorage
{
    private readonly string _blobs;

    public LocalDiskPaperStorage(string root)
    {
        Root = Path.GetFullPath(root);
        _blobs = Path.Combine(Root, "blobs");
        IncomingFolder = Path.Combine(Root, "incoming");
        Directory.CreateDirectory(_blobs);
        Directory.CreateDirectory(IncomingFolder);
    }

    public string Root { get; }

    public string IncomingFolder { get; }

    public string BlobsFolder => _blobs;

    public Task<bool> PutAsync(string sha256, string localPath, long sizeBytes, CancellationToken cancellationToken)
    {
        var target = PathOf(sha256);
        if (File.Exists(target))
        {
            return Task.FromResult(false);
        }

        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        // A copy then an atomic rename: a reader never sees half a blob, and two uploads of the
        // same file at once leave one blob (the second rename finds it there).
        var partial = $"{target}.{Guid.NewGuid():N}.part";
        File.Copy(localPath, partial);
        try
        {
            File.Move(partial, target, overwrite: false);
            return Task.FromResult(true);
        }
        catch (IOException) when (File.Exists(target))
        {
            File.Delete(partial);
            return Task.FromResult(false);
        }
    }

    public Task<Stream> OpenReadAsync(string sha256, CancellationToken cancellationToken)
    {
        var path = PathOf(sha256);
        return File.Exists(path)
            ? Task.FromResult<Stream>(new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 64 * 1024, useAsync: true))
            : throw new FileNotFoundException($"Blob {sha256} is missing from local storage.", path);
    }

    public Task DeleteAsync(string sha256, CancellationToken cancellationToken)
    {
        File.Delete(PathOf(sha256));
        return Task.CompletedTask;
    }

    private string PathOf(string sha256) =>
        sha256.Length == 64 && sha256.All(char.IsAsciiHexDigitLower)
            ? Path.Combine(_blobs, sha256[..2], sha256 + ".pdf")
            : throw new ArgumentException("Not a SHA-256 in lower-case hex.", nameof(sha256));
}
