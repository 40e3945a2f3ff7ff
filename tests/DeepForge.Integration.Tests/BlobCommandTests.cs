using System.Security.Cryptography;
using DeepForge.Integration.Tests.Infrastructure;

namespace DeepForge.Integration.Tests;

/// <summary><c>deepforge blobs verify</c> and <c>deepforge blobs gc</c> as a person runs them.</summary>
public sealed class BlobCommandTests : IDisposable
{
    private readonly TempFolder _temp = new();
    private readonly Cli _cli;

    public BlobCommandTests() => _cli = new Cli(_temp["data"]);

    private static byte[] Content(int seed)
    {
        var bytes = new byte[40_000];
        new Random(seed).NextBytes(bytes);
        return bytes;
    }

    private static string HashOf(byte[] bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));

    private string BlobPath(string hash) => Path.Combine(_cli.DataDirectory, "blob", hash[..2], hash);

    // A blob file as the store lays it out; torn: stored under the hash of other bytes.
    private string PlaceBlob(byte[] named, byte[]? stored = null, DateTime? modified = null)
    {
        var hash = HashOf(named);
        var path = BlobPath(hash);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllBytes(path, stored ?? named);
        if (modified is { } time) File.SetLastWriteTimeUtc(path, time);
        return hash;
    }

    [Fact]
    public void Verify_PrintsTheDamagedBlob_ExitsOne_AndMovesItAside()
    {
        CliAssert.Succeeded(_cli.Run("projects")); // the data folder and its store exist, as after any use
        var whole = PlaceBlob(Content(1));
        var torn = Content(2);
        torn[100] ^= 0xff;
        var damaged = PlaceBlob(Content(2), stored: torn);

        var result = _cli.Run("blobs", "verify");

        Assert.True(result.ExitCode == 1, $"expected exit 1\n{result}");
        Assert.Contains(result.StdoutLines, l => l.StartsWith($"damaged: {damaged}: its bytes hash to {HashOf(torn)}", StringComparison.Ordinal));
        Assert.DoesNotContain(whole, result.Stdout);
        Assert.False(File.Exists(BlobPath(damaged)));
        Assert.Single(Directory.GetFiles(Path.Combine(_cli.DataDirectory, "blob", "quarantine")));
        Assert.Contains("Every blob is whole.", CliAssert.Succeeded(_cli.Run("blobs", "verify")).Stdout);
    }

    [Fact]
    public void Gc_FreesAnOldUnreferencedBlob_KeepsAYoungOne_AndAnArtifactsBlob()
    {
        var seed = new SeedFolder(_temp["seed"]).WithPipeline(new PipelineJson("copy").Input("data", "dataset").Output("out", "copy").Connect("data.data", "out.data"));
        CliAssert.Succeeded(_cli.Run("new", "g", "--seed", seed.Path));
        var upload = _temp["upload.bin"];
        File.WriteAllBytes(upload, Content(3));
        CliAssert.Succeeded(_cli.Run("run", "g", "copy", "--input", $"data={upload}"));
        var referenced = HashOf(Content(3));
        File.SetLastWriteTimeUtc(BlobPath(referenced), DateTime.UtcNow.AddDays(-2));
        var old = PlaceBlob(Content(4), modified: DateTime.UtcNow.AddDays(-2));
        var young = PlaceBlob(Content(5));

        var result = CliAssert.Succeeded(_cli.Run("blobs", "gc"));

        Assert.Contains($"freed {old} (39.1 KiB)", result.StdoutLines);
        Assert.Contains(result.StdoutLines, l => l.StartsWith("Freed 1 blob(s), 40000 bytes", StringComparison.Ordinal));
        Assert.False(File.Exists(BlobPath(old)));
        Assert.True(File.Exists(BlobPath(young)));
        Assert.True(File.Exists(BlobPath(referenced)));
    }

    [Fact]
    public void Gc_WithAShortGracePeriod_FreesAYoungUnreferencedBlob()
    {
        CliAssert.Succeeded(_cli.Run("projects"));
        var young = PlaceBlob(Content(6));

        var result = CliAssert.Succeeded(_cli.Run("blobs", "gc", "--grace", "0s"));

        Assert.Contains($"freed {young} (39.1 KiB)", result.StdoutLines);
        Assert.False(File.Exists(BlobPath(young)));
    }

    [Fact]
    public void Gc_WithAGracePeriodThatIsNoDuration_IsRefusedAndFreesNothing()
    {
        CliAssert.Succeeded(_cli.Run("projects"));
        var young = PlaceBlob(Content(7));

        CliAssert.BadInput(_cli.Run("blobs", "gc", "--grace", "soon"), "--grace");

        Assert.True(File.Exists(BlobPath(young)));
    }

    public void Dispose() => _temp.Dispose();
}
