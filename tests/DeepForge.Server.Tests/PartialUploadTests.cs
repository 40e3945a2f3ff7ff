using DeepForge.Server.Tests.Infrastructure;

namespace DeepForge.Server.Tests;

/// <summary>Unfinished uploads that a killed process left in blob.dir/incoming are removed, at start and after a timeout.</summary>
public sealed class PartialUploadTests
{
    [Fact]
    public async Task Leftover_upload_files_are_removed_at_start_and_recent_ones_once_nobody_wrote_to_them_for_the_timeout()
    {
        using var data = new TestData();
        var incoming = Path.Combine(data.Directory, "blob", "incoming");
        Directory.CreateDirectory(incoming);
        var old = Path.Combine(incoming, Guid.NewGuid().ToString("n"));
        var recent = Path.Combine(incoming, Guid.NewGuid().ToString("n"));
        await File.WriteAllBytesAsync(old, new byte[4096]);
        File.SetLastWriteTimeUtc(old, DateTime.UtcNow - TimeSpan.FromHours(1));
        await File.WriteAllBytesAsync(recent, new byte[4096]);

        await using var server = await ServerHost.StartAsync(data.Directory, o => o.PartialUploadTimeout = TimeSpan.FromSeconds(20));

        await Eventually.GetAsync(() => Task.FromResult(File.Exists(old)), exists => !exists, "the hour-old upload to be removed at start");
        Assert.True(File.Exists(recent));
        await Eventually.GetAsync(() => Task.FromResult(File.Exists(recent)), exists => !exists, "the recent upload to be removed after the timeout", seconds: 60);
    }
}
