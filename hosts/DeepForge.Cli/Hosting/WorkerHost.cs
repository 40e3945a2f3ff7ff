using DeepForge.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace DeepForge.Cli.Hosting;

/// <summary><c>deepforge start --worker [url]</c>: a worker alone, leasing jobs from a server.</summary>
internal static class WorkerHost
{
    public static async Task<int> RunAsync(StartSettings settings, DeepForgeConfig config, CancellationToken cancellationToken)
    {
        var token = settings.Token ?? config.GetString("worker.token");
        if (token.Length == 0)
            throw new DeepForgeException("--token", "a worker needs a worker token: pass --token (made with `deepforge token create --worker` where the server runs) or set worker.token");
        var builder = Host.CreateApplicationBuilder([]);
        builder.Logging.AddFilter("System.Net.Http.HttpClient", LogLevel.Warning);
        builder.Services.AddWorker(config, settings.ServerUrl ?? "http://localhost:8888", token, settings.Labels, settings.Slots);
        using var host = builder.Build();
        Console.Error.WriteLine($"DeepForge worker leasing jobs from {settings.ServerUrl ?? "http://localhost:8888"}; Ctrl+C stops it.");
        await host.RunAsync(cancellationToken);
        return CliAction.Ok;
    }
}
