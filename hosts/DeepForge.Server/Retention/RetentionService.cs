using DeepForge.Hosting;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace DeepForge.Server.Retention;

/// <summary>Runs <see cref="StorePruner"/> every <see cref="DeepForgeServerOptions.RetentionInterval"/>, so a server that runs for months keeps a bounded store.</summary>
internal sealed class RetentionService(StorePruner pruner, IOptions<DeepForgeServerOptions> options, ILogger<RetentionService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (options.Value.RetentionInterval <= TimeSpan.Zero) return;
        try
        {
            using var timer = new PeriodicTimer(options.Value.RetentionInterval);
            while (await timer.WaitForNextTickAsync(stoppingToken)) await PruneAsync(stoppingToken);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested) { }
    }

    // A failure (a busy store) must not end pruning for the life of the server.
    private async Task PruneAsync(CancellationToken cancellationToken)
    {
        try
        {
            var result = await pruner.PruneAsync(DateTimeOffset.UtcNow, cancellationToken);
            if (result.JobRecords + result.ExecutionLogs > 0) RetentionLog.Pruned(logger, result.JobRecords, result.ExecutionLogs);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            RetentionLog.PruneFailed(logger, e);
        }
    }
}
