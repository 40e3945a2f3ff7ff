using DeepForge.Configuration;
using DeepForge.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace DeepForge.Benchmarks;

/// <summary>
/// A real DeepForge server for the benches: the same services and endpoints as <c>deepforge start --server</c>
/// (SQLite in a data folder, the runner protocol, blobs), on a free loopback port, with the bench's
/// NoOp operation registered. Its request and job lines are left out (warnings still show on stderr), so
/// the bench's own output stays one JSON line.
/// </summary>
internal sealed class BenchServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private BenchServer(WebApplication app, string url) => (_app, Url) = (app, url);

    /// <summary>Where the server listens, e.g. <c>http://127.0.0.1:41234</c>.</summary>
    public string Url { get; }

    public IServiceProvider Services => _app.Services;

    public static async Task<BenchServer> StartAsync(BenchHost host, string dataDirectory, string token, int maxParallelJobs, CancellationToken cancellationToken)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = [], ContentRootPath = AppContext.BaseDirectory });
        builder.Logging.ClearProviders();
        builder.Logging.AddConsole(c => c.LogToStandardErrorThreshold = LogLevel.Trace);
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        host.AddEngine(builder.Services, dataDirectory, BenchWorkerHost.AddPlugin);
        builder.Services.AddDeepForgeServer(s =>
        {
            (s.Host, s.Port) = ("127.0.0.1", 0);
            s.WorkerTokens.Add(token);
            s.MaxParallelJobs = maxParallelJobs;
        });
        var app = builder.Build();
        try
        {
            app.MapDeepForgeServer();
            await app.StartAsync(cancellationToken);
            var url = app.Urls.FirstOrDefault() ?? throw new InvalidOperationException("the bench server started without an address");
            return new BenchServer(app, url.TrimEnd('/'));
        }
        catch
        {
            await app.DisposeAsync();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(10));
            await _app.StopAsync(stop.Token);
        }
        finally
        {
            await _app.DisposeAsync();
        }
    }
}
