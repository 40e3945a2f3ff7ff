using DeepForge.Client;
using Polly;
using Polly.Retry;

namespace DeepForge.Cli.Remote;

/// <summary>
/// Calls to a server that may go away for a while (restarting, a network blip) while the command follows a run: what the
/// client's own retries did not ride out and may pass by itself (no answer, a 5xx) is waited for, for as long as it
/// takes, with capped backoff, saying so once on stderr when the server goes and once when it is back, as the workers
/// do. Answers that will not change by asking again (400, 404, 409) pass through at once.
/// </summary>
internal sealed class ServerLink
{
    private readonly string _server;
    private readonly ResiliencePipeline _pipeline;
    private DateTimeOffset? _lostAt;

    public ServerLink(string server)
    {
        _server = server;
        _pipeline = new ResiliencePipelineBuilder().AddRetry(new RetryStrategyOptions
        {
            ShouldHandle = new PredicateBuilder().Handle<DeepForgeApiException>(e => e.Transient),
            MaxRetryAttempts = int.MaxValue,
            BackoffType = DelayBackoffType.Exponential,
            Delay = TimeSpan.FromMilliseconds(250),
            MaxDelay = TimeSpan.FromSeconds(5),
            OnRetry = args =>
            {
                Lost(args.Outcome.Exception!);
                return default;
            },
        }).Build();
    }

    public async Task<T> CallAsync<T>(Func<CancellationToken, Task<T>> call, CancellationToken cancellationToken)
    {
        var result = await _pipeline.ExecuteAsync(async ct => await call(ct), cancellationToken);
        Back();
        return result;
    }

    private void Lost(Exception e)
    {
        if (_lostAt != null) return;
        _lostAt = DateTimeOffset.UtcNow;
        Console.Error.WriteLine($"[{DateTime.Now:HH:mm:ss}] lost the server {_server} ({e.Message}); reconnecting, the run goes on there (Ctrl+C stops following, not the run)");
    }

    private void Back()
    {
        if (_lostAt is not { } since) return;
        _lostAt = null;
        Console.Error.WriteLine($"[{DateTime.Now:HH:mm:ss}] the server {_server} is back after {(DateTimeOffset.UtcNow - since).TotalSeconds:0} s; following again");
    }
}
