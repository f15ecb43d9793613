namespace CommunityOfPractice.Api.Features.Library.Storage;

/// <summary>
/// Where paper files live, content-addressed by the SHA-256 of their bytes: the same file
/// uploaded twice is one blob. Local disk by default, S3-compatible storage when configured.
/// </summary>
public interface IPaperStorage
{
    /// <summary>Moves a checked local file into storage under its hash; false when the blob was already there.</summary>
    Task<bool> PutAsync(string sha256, string localPath, long sizeBytes, CancellationToken cancellationToken);

    /// <summary>A seekable stream over the blob (seekable so downloads can answer range requests).</summary>
    Task<Stream> OpenReadAsync(string sha256, CancellationToken cancellationToken);

    Task DeleteAsync(string sha256, CancellationToken cancellationToken);

    /// <summary>A folder for uploads being received, on the same volume as the blobs where that matters.</summary>
    string IncomingFolder { get; }
}
