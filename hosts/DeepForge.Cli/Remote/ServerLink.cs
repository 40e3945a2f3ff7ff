using System.Net;

namespace DeepForge.Cli.Remote;

/// <summary>
/// Calls to a server that may go away for a while (restarting, a network blip): failures a server gives
/// while it is down (no connection, 5xx, a timeout) are waited out with capped backoff, saying so once on
/// stderr when the server goes and once when it is back, as the workers do. Answers that will not change
/// by asking again (400, 404, 409) pass through at once.
/// </summary>
internal sealed class ServerLink(string server)
{
    private static readonly TimeSpan First = TimeSpan.FromMilliseconds(250);
    private static readonly TimeSpan Max = TimeSpan.FromSeconds(5);
    private DateTimeOffset? _lostAt;

    public async Task<T> CallAsync<T>(Func<CancellationToken, Task<T>> call, CancellationToken cancellationToken)
    {
        var delay = First;
        while (true)
        {
            try
            {
                var result = await call(cancellationToken);
                Back();
                return result;
            }
            catch (Exception e) when (IsOutage(e, cancellationToken))
            {
                Lost(e);
                await Task.Delay(delay, cancellationToken);
                delay = delay * 2 < Max ? delay * 2 : Max;
            }
        }
    }

    private static bool IsOutage(Exception e, CancellationToken cancellationToken) => e switch
    {
        HttpRequestException { StatusCode: null } => true,
        HttpRequestException { StatusCode: { } status } => (int)status >= 500 || status is HttpStatusCode.RequestTimeout or HttpStatusCode.TooManyRequests,
        TaskCanceledException => !cancellationToken.IsCancellationRequested, // the client's own timeout
        IOException => true, // the connection broke while reading an answer
        _ => false,
    };

    private void Lost(Exception e)
    {
        if (_lostAt != null) return;
        _lostAt = DateTimeOffset.UtcNow;
        Console.Error.WriteLine($"[{DateTime.Now:HH:mm:ss}] lost the server {server} ({e.Message}); reconnecting, the run goes on there (Ctrl+C stops following, not the run)");
    }

    private void Back()
    {
        if (_lostAt is not { } since) return;
        _lostAt = null;
        Console.Error.WriteLine($"[{DateTime.Now:HH:mm:ss}] the server {server} is back after {(DateTimeOffset.UtcNow - since).TotalSeconds:0} s; following again");
    }
}
