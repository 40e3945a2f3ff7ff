using System.Globalization;
using DeepForge.Configuration;
using DeepForge.Hosting;
using DeepForge.Server.Identity;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace DeepForge.Cli.Hosting;

/// <summary>The server of <c>deepforge start</c>, with a worker beside it in the same process unless <c>--server</c> alone was asked for.</summary>
internal static class ServerHost
{
    public static async Task<int> RunAsync(StartSettings settings, string dataDirectory, DeepForgeConfig config, CancellationToken cancellationToken)
    {
        var lease = LeaseFromEnvironment();
        var security = ServerSecurity.Read(settings, config);
        var token = LocalWorkerToken.GetOrCreate(config);
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = [], ContentRootPath = AppContext.BaseDirectory });
        // Request-by-request lines drown what matters (executions, workers, refusals); those stay at Information.
        builder.Logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);
        builder.Logging.AddFilter("System.Net.Http.HttpClient", LogLevel.Warning);
        CliContext.AddEngine(builder.Services, dataDirectory, config);
        builder.Services.AddDeepForgeServer(s =>
        {
            (s.Host, s.Port) = (settings.Host, settings.Port);
            s.WorkerTokens.Add(token);
            if (lease is { } seconds) s.LeaseDuration = seconds;
            security.Apply(s);
        });
        builder.Services.AddDeepForgeDesigner();
        builder.Services.AddExtensionManager(dataDirectory);
        if (settings.Worker) builder.Services.AddWorker(config, settings.LocalUrl, token, settings.Labels, settings.Slots);
        await using var app = builder.Build();
        app.MapDeepForgeServer();
        app.MapDeepForgeDesigner();
        security.Warn();
        var signIn = security.AuthEnabled ? await SignInAtStart.PrepareAsync(app.Services.GetRequiredService<People>(), app.Services.GetRequiredService<SignInTokens>(),
            settings.LocalUrl, cancellationToken) : null;
        await app.StartAsync(cancellationToken);
        Console.Error.WriteLine($"DeepForge is listening on {settings.LocalUrl}{(settings.Worker ? " with a local worker" : "")}; Ctrl+C stops it.");
        // On stdout, alone on its line, so scripts can read it; it works once.
        if (signIn != null) Console.WriteLine($"Sign in (works once): {signIn}");
        await app.WaitForShutdownAsync(cancellationToken);
        return CliAction.Ok;
    }

    /// <summary>The environment variable that sets how long a worker's lease lasts without a heartbeat (default 30 s).</summary>
    public const string LeaseVariable = "DEEPFORGE_LEASE_SECONDS";

    // Read before anything starts, so a wrong value is a bad-input error naming the variable.
    private static TimeSpan? LeaseFromEnvironment()
    {
        var text = Environment.GetEnvironmentVariable(LeaseVariable);
        if (string.IsNullOrWhiteSpace(text)) return null;
        if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds) || !(seconds >= 0.5 && seconds <= 86400))
            throw new DeepForgeException(LeaseVariable, $"{LeaseVariable} is '{text}': give the lease in seconds, 0.5 to 86400");
        return TimeSpan.FromSeconds(seconds);
    }
}
