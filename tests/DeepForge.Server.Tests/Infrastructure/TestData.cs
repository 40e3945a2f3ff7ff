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

    /// <summary>An upload's body as the API expects it: application/octet-stream.</summary>
    public static HttpContent Upload(byte[] bytes)
    {
        var content = new ByteArrayContent(bytes);
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/octet-stream");
        return content;
    }

    /// <summary>The body of a POST that carries nothing (cancel, resume): {} as JSON, as state-changing requests must be.</summary>
    public static HttpContent EmptyJson() => new StringContent("{}", System.Text.Encoding.UTF8, "application/json");
}
