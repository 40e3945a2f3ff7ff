namespace DeepForge.Storage.Tests;

/// <summary>A database path in a fresh temp folder, removed with everything SQLite put beside it (-wal, -shm).</summary>
internal sealed class TempDatabase : IDisposable
{
    public TempDatabase()
    {
        DirectoryPath = Path.Combine(Path.GetTempPath(), "deepforge-sqlite-tests", Guid.NewGuid().ToString("N"));
        FilePath = Path.Combine(DirectoryPath, "store.db");
    }

    public string DirectoryPath { get; }

    public string FilePath { get; }

    public void Dispose()
    {
        if (Directory.Exists(DirectoryPath))
        {
            Directory.Delete(DirectoryPath, recursive: true);
        }
    }
}
