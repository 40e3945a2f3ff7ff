namespace DeepForge.Server.Tests.Infrastructure;

/// <summary>A fresh folder for one server's data (database and blobs), removed at the end.</summary>
internal sealed class TestData : IDisposable
{
    public string Directory { get; } = Path.Combine(Path.GetTempPath(), "deepforge-server-tests", Guid.NewGuid().ToString("n"));

    public TestData() => System.IO.Directory.CreateDirectory(Directory);

    public void Dispose()
    {
        try { System.IO.Directory.Delete(Directory, recursive: true); }
        catch (IOException) { }
        catch (UnauthorizedAccessException) { }
    }
}
