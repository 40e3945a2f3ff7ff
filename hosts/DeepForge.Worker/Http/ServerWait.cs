using DeepForge.Client;
using Microsoft.Extensions.Logging;

namespace DeepForge.Worker.Http;

/// <summary>
/// Waits out a server that is down for longer than the client's retries last (a restart, a network outage): a worker's
/// running jobs keep running and are reported when it is back, however long that takes, until the worker stops.
/// </summary>
internal static class ServerWait
{
    public static async Task<T> UntilAnsweredAsync<T>(WorkerSettings settings, ILogger logger, string what, Func<CancellationToken, Task<T>> action, CancellationToken stopping)
    {
        var outage = new Outage(settings, logger, what);
        while (true)
        {
            try
            {
                var result = await action(stopping);
                outage.Ended();
                return result;
            }
            catch (DeepForgeApiException e) when (e.Transient)
            {
                await Task.Delay(outage.Failed(e), stopping);
            }
        }
    }
}
