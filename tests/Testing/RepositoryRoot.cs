namespace CommunityOfPractice.Testing;

/// <summary>The checkout the tests were built from: where the solution file is, above the test binaries.</summary>
public static class RepositoryRoot
{
    public static string Path { get; } = Find();

    public static string Combine(params string[] parts) => System.IO.Path.Combine([Path, .. parts]);

    private static string Find()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(folder.FullName, "CommunityOfPractice.sln")))
            {
                return folder.FullName;
            }
        }

        throw new InvalidOperationException($"No CommunityOfPractice.sln above {AppContext.BaseDirectory}.");
    }
}
