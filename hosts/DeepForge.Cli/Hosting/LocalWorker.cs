using DeepForge.Configuration;
using DeepForge.Worker;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace DeepForge.Cli.Hosting;

/// <summary>
/// The worker <c>deepforge start</c> runs beside its own server. It is not a hosted service of the server's app: it
/// starts only once that server answers <c>/health</c> and stops before the server does, so neither starting nor
/// stopping makes it knock on a closed port (no "Connection refused" warnings).
/// </summary>
internal sealed class LocalWorker : IAsyncDisposable
{
    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(100);
    private readonly ServiceProvider _services;
    private readonly WorkerAgent _agent;
    private int _stopped;

    private LocalWorker(ServiceProvider services)
    {
        _services = services;
        _agent = services.GetRequiredService<WorkerAgent>();
    }

    /// <summary>Waits until the server at <see cref="StartSettings.LocalUrl"/> answers, then starts leasing from it.</summary>
    public static async Task<LocalWorker> StartAsync(StartSettings settings, DeepForgeConfig config, string token, ILoggerFactory logging, CancellationToken cancellationToken)
    {
        await WaitForServerAsync(settings.LocalUrl, cancellationToken);
        var services = new ServiceCollection()
            .AddSingleton(logging) // the server's console logging, so both write alike
            .AddWorker(config, settings.LocalUrl, token, settings.Labels, settings.Slots)
            .BuildServiceProvider();
        var worker = new LocalWorker(services);
        await worker._agent.StartAsync(cancellationToken);
        return worker;
    }

    /// <summary>Stops leasing and ends the running jobs (they go back to the queue); safe to call more than once.</summary>
    public async Task StopAsync()
    {
        if (Interlocked.Exchange(ref _stopped, 1) == 1) return;
        await _agent.StopAsync(CancellationToken.None);
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        await _services.DisposeAsync();
    }

    private static async Task WaitForServerAsync(string url, CancellationToken cancellationToken)
    {
        using var http = new HttpClient { BaseAddress = new Uri(url), Timeout = TimeSpan.FromSeconds(5) };
        while (true)
        {
            try
            {
                using var response = await http.GetAsync("/health", cancellationToken);
                if (response.IsSuccessStatusCode) return;
            }
            // A certificate this client does not trust (start --cert, self-signed) still means the server is listening; the worker's own client decides about trust.
            catch (HttpRequestException e) when (e.InnerException is System.Security.Authentication.AuthenticationException) { return; }
            catch (HttpRequestException) { }
            catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested) { } // one slow answer: ask again
            await Task.Delay(Poll, cancellationToken);
        }
    }
}
