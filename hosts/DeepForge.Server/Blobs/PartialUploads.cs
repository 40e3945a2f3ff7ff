using DeepForge.Hosting;
using DeepForge.Server.Hosting;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace DeepForge.Server.Blobs;

/// <summary>
/// Removes the temporary files of uploads that never finished (the server or a client was killed halfway)
/// from <c>blob.dir/incoming</c>: at start and then every half timeout, every file nobody has written to for
/// <see cref="DeepForgeServerOptions.PartialUploadTimeout"/>. By age, not by owner: an upload that is still
/// arriving writes to its file all the time, also when another server on the same folder receives it.
/// </summary>
internal sealed class PartialUploads(IOptions<DeepForgeOptions> options, IOptions<DeepForgeServerOptions> server, ILogger<PartialUploads> logger) : BackgroundService
{
    private string Incoming => Path.Combine(options.Value.ResolvedBlobDirectory, "incoming");

    private TimeSpan Timeout => server.Value.PartialUploadTimeout;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            RemoveStale();
            using var timer = new PeriodicTimer(Timeout / 2);
            while (await timer.WaitForNextTickAsync(stoppingToken)) RemoveStale();
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested) { }
    }

    /// <summary>Deletes every file in incoming not written to within the timeout; returns how many went.</summary>
    public int RemoveStale()
    {
        if (!Directory.Exists(Incoming)) return 0;
        var before = DateTime.UtcNow - Timeout;
        var removed = 0;
        foreach (var file in Directory.EnumerateFiles(Incoming))
        {
            try
            {
                if (File.GetLastWriteTimeUtc(file) >= before) continue;
                File.Delete(file);
                removed++;
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                ServerLog.PartialUploadKept(logger, file, e.Message);
            }
        }
        if (removed > 0) ServerLog.PartialUploadsRemoved(logger, removed, Incoming, Timeout.TotalMinutes);
        return removed;
    }
}
