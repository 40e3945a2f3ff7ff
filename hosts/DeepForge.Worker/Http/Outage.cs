using System.Net;
using DeepForge.Client;
using Microsoft.Extensions.Logging;

namespace DeepForge.Worker.Http;

/// <summary>
/// A stretch of failed requests about one thing (<c>what</c>) that outlasted the client's own retries: backoff, one warning
/// when it starts, one line when the server is back. A refusal (a wrong token) is said once as an error.
/// </summary>
internal sealed class Outage(WorkerSettings settings, ILogger logger, string what)
{
    private readonly Backoff _backoff = new(settings.MaxBackoff);

    private HttpStatusCode? _refusal;

    public TimeSpan Failed(DeepForgeApiException error)
    {
        var delay = _backoff.Next();
        var message = ServerFailure.Describe(error);
        if (!error.Transient)
        {
            // A refusal (a wrong token, another protocol version) needs a person: said once as an error, not every few seconds.
            // By status, not message: a problem body differs in every answer (its trace id).
            if (error.Status != _refusal) WorkerLog.ServerRefused(logger, message, delay.TotalMilliseconds);
            else WorkerLog.ServerStillUnavailable(logger, settings.ServerUrl, what, _backoff.Failures, message, delay.TotalMilliseconds);
            _refusal = error.Status;
        }
        else if (_backoff.Failures == 1)
            WorkerLog.ServerUnavailable(logger, settings.ServerUrl, what, message, delay.TotalMilliseconds, settings.MaxBackoff.TotalMilliseconds);
        else WorkerLog.ServerStillUnavailable(logger, settings.ServerUrl, what, _backoff.Failures, message, delay.TotalMilliseconds);
        return delay;
    }

    public void Ended()
    {
        _refusal = null;
        var failures = _backoff.Reset();
        if (failures > 0) WorkerLog.ServerBack(logger, settings.ServerUrl, failures, what);
    }
}
