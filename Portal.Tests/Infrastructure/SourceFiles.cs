namespace Portal.Tests.Infrastructure;

/// <summary>The repository's own sources, for tests that read them (string keys, forbidden calls).</summary>
public static class SourceFiles
{
    /// <summary>The folder that holds Channels.sln, found above the test output.</summary>
    public static string Root { get; } = FindRoot();

    /// <summary>The C# and Razor files under a folder, build output left out.</summary>
    public static IEnumerable<string> Of(string directory) =>
        Directory.EnumerateFiles(directory, "*.*", SearchOption.AllDirectories)
            .Where(f => f.EndsWith(".razor", StringComparison.Ordinal) || f.EndsWith(".cs", StringComparison.Ordinal))
            .Where(f => !f.Contains("/obj/", StringComparison.Ordinal) && !f.Contains("/bin/", StringComparison.Ordinal));

    private static string FindRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Channels.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("Channels.sln not found above the test output.");
    }
}
