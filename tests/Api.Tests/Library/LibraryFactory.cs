using System.Globalization;
using Npgsql;

namespace CommunityOfPractice.Api.Tests.Library;

/// <summary>
/// The Api with its own database and its own storage folder, so tests can count blobs and rows:
/// tests in this collection run one after another, and each makes its own people and papers.
/// The upload limit is 1 MB here (configurable; 50 MB by default) so "too large" costs little.
/// </summary>
public sealed class LibraryFactory : ApiFactory
{
    public const long MaxUploadBytes = 1024 * 1024;

    public LibraryFactory()
    {
        StorageRoot = Path.Combine(Path.GetTempPath(), $"cop-library-tests-{Guid.NewGuid():N}");
        WithSetting("Library:StoragePath", StorageRoot);
        WithSetting("Library:MaxUploadBytes", MaxUploadBytes.ToString(CultureInfo.InvariantCulture));
    }

    public string StorageRoot { get; }

    public string BlobsFolder => Path.Combine(StorageRoot, "blobs");

    public int BlobCount => Count(BlobsFolder);

    public int IncomingCount => Count(Path.Combine(StorageRoot, "incoming"));

    /// <summary>Papers and versions (queue jobs and pages hang off versions and come and go with the worker).</summary>
    public async Task<(long Papers, long Versions)> RowsAsync()
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            "SELECT (SELECT count(*) FROM learning_papers), (SELECT count(*) FROM paper_versions)",
            connection);
        await using var reader = await command.ExecuteReaderAsync();
        await reader.ReadAsync();
        return (reader.GetInt64(0), reader.GetInt64(1));
    }

    public async Task ExecuteAsync(string sql, params (string Name, object Value)[] parameters)
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }

        await command.ExecuteNonQueryAsync();
    }

    public string BlobPath(string sha256) => Path.Combine(BlobsFolder, sha256[..2], sha256 + ".pdf");

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        if (Directory.Exists(StorageRoot))
        {
            Directory.Delete(StorageRoot, recursive: true);
        }
    }

    private static int Count(string folder) =>
        Directory.Exists(folder) ? Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories).Count() : 0;
}

[CollectionDefinition(Name)]
public sealed class LibraryCollection : ICollectionFixture<LibraryFactory>
{
    public const string Name = "Library";
}
