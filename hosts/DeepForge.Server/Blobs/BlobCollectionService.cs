using DeepForge.Blobs;
using DeepForge.Hosting;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace DeepForge.Server.Blobs;

/// <summary>Frees blobs nothing refers to every <see cref="DeepForgeServerOptions.BlobCollectionInterval"/>, so deleted artifacts and executions give their space back.</summary>
internal sealed class BlobCollectionService(BlobCollector collector, IOptions<DeepForgeServerOptions> server, IOptions<DeepForgeOptions> engine,
    ILogger<BlobCollectionService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (server.Value.BlobCollectionInterval <= TimeSpan.Zero) return;
        try
        {
            using var timer = new PeriodicTimer(server.Value.BlobCollectionInterval);
            while (await timer.WaitForNextTickAsync(stoppingToken)) await CollectAsync(stoppingToken);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested) { }
    }

    // A failure (a busy store, a folder that went away) must not end the collecting for the life of the server.
    private async Task CollectAsync(CancellationToken cancellationToken)
    {
        try
        {
            var result = await collector.CollectAsync(engine.Value.BlobGracePeriod, cancellationToken);
            if (result.Freed.Count > 0) BlobLog.Collected(logger, result.Freed.Count, result.FreedBytes, result.Referenced, result.Young);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            BlobLog.CollectionFailed(logger, e);
        }
    }
}
