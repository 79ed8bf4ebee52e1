namespace Portal.Tests.Infrastructure;

/// <summary>A fresh folder under the system temp directory, deleted with its contents on dispose.</summary>
public sealed class TempDirectory : IDisposable
{
    public TempDirectory()
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "channels-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path);
    }

    public string Path { get; }

    public void Dispose()
    {
        // Pools are left alone: clearing all of them would race other tests' connections, and on Linux a file
        // still open in a pool is unlinked fine.
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // A file still held by a finishing background task; the OS temp cleaner takes it.
        }
    }
}
