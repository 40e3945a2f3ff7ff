using System.Globalization;
using DeepForge.Configuration;
using DeepForge.Hosting;
using DeepForge.Identity;
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
        var executionLease = ExecutionLeaseSetting.Read();
        var (grace, collection, partial) = (BlobSettings.GracePeriod(), BlobSettings.CollectionInterval(), BlobSettings.PartialUploadTimeout());
        var security = ServerSecurity.Read(settings, config);
        var retention = RetentionSettings.Read(config);
        var token = LocalWorkerToken.GetOrCreate(config);
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = [], ContentRootPath = AppContext.BaseDirectory });
        // Request-by-request lines drown what matters (executions, workers, refusals); those stay at Information.
        builder.Logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);
        builder.Logging.AddFilter("System.Net.Http.HttpClient", LogLevel.Warning);
        // A start that fails (a port in use) is said once, in one line, by the command; the host's own report is a stack trace.
        builder.Logging.AddFilter("Microsoft.Extensions.Hosting.Internal.Host", LogLevel.None);
        CliContext.AddEngine(builder.Services, dataDirectory, config);
        if (grace is { } period) builder.Services.Configure<DeepForgeOptions>(o => o.BlobGracePeriod = period);
        if (executionLease is { } held) builder.Services.Configure<DeepForgeOptions>(o => (o.ExecutionLease, o.ExecutionLeaseRenewal) = (held, held / 4));
        builder.Services.AddDeepForgeServer(s =>
        {
            (s.Host, s.Port) = (settings.Host, settings.Port);
            s.WorkerTokens.Add(token);
            if (lease is { } seconds) s.LeaseDuration = seconds;
            if (collection is { } interval) s.BlobCollectionInterval = interval;
            if (partial is { } timeout) s.PartialUploadTimeout = timeout;
            security.Apply(s);
            retention.Apply(s);
        });
        builder.Services.AddDeepForgeDesigner();
        await using var app = builder.Build();
        app.MapDeepForgeServer();
        app.MapDeepForgeDesigner();
        security.Warn();
        try
        {
            await app.StartAsync(cancellationToken);
        }
        catch (IOException e) when (e.InnerException is Microsoft.AspNetCore.Connections.AddressInUseException)
        {
            throw new CliFailure($"{e.Message.TrimEnd('.')}: another program uses port {settings.Port}; stop it, or choose another port with --port");
        }
        // After the port is ours: a start that cannot bind says so in one line and makes nobody.
        var signIn = security.AuthEnabled ? await SignInAtStart.PrepareAsync(app.Services.GetRequiredService<People>(), app.Services.GetRequiredService<SignInTokens>(),
            settings.LocalUrl, cancellationToken) : null;
        Console.Error.WriteLine($"DeepForge is listening on {settings.LocalUrl}{(settings.Worker ? " with a local worker" : "")}; Ctrl+C stops it.");
        // On stdout, alone on its line, so scripts can read it; it works once.
        if (signIn != null) Console.WriteLine($"Sign in (works once): {signIn}");
        await using var worker = settings.Worker
            ? await LocalWorker.StartAsync(settings, config, token, app.Services.GetRequiredService<ILoggerFactory>(), cancellationToken)
            : null;
        // Stopping callbacks run before the server closes its port: the worker stops first, while the server still answers its last reports.
        if (worker != null) app.Lifetime.ApplicationStopping.Register(() => worker.StopAsync().GetAwaiter().GetResult());
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
