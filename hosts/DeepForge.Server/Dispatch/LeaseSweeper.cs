using DeepForge.Dispatch;
using DeepForge.Server.Hosting;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace DeepForge.Server.Dispatch;

/// <summary>Takes expired leases away every quarter of a lease (at least every second), after giving the leases found at start one more period.</summary>
internal sealed class LeaseSweeper(JobQueue queue, ILogger<LeaseSweeper> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await SafelyAsync(queue.ExtendLeasesAfterStartAsync, stoppingToken);
            using var timer = new PeriodicTimer(queue.Options.SweepInterval);
            while (await timer.WaitForNextTickAsync(stoppingToken)) await SafelyAsync(queue.SweepAsync, stoppingToken);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested) { }
    }

    // A store that fails once (busy, restarting) must not end the sweeping for the life of the server.
    private async Task SafelyAsync(Func<CancellationToken, Task> step, CancellationToken cancellationToken)
    {
        try { await step(cancellationToken); }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            ServerLog.SweepFailed(logger, e);
        }
    }
}
