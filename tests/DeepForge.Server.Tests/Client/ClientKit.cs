using DeepForge.Client;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace DeepForge.Server.Tests.Client;

/// <summary>The DeepForge client as a host registers it (<c>AddDeepForgeClient</c>), with an <see cref="AttemptLog"/> under its retries.</summary>
internal sealed class ClientKit : IDisposable
{
    private readonly ServiceProvider _services;

    public ClientKit(Uri server, string? token, Action<DeepForgeClientOptions>? configure = null)
    {
        var services = new ServiceCollection();
        services.AddLogging(l => l.AddProvider(Logs));
        services.AddDeepForgeClient(o =>
        {
            o.ServerUrl = server;
            o.Token = token;
            // Quick retries, many of them: a test waits for the server by the client's own patience.
            o.RetryDelay = TimeSpan.FromMilliseconds(50);
            o.MaxRetryDelay = TimeSpan.FromMilliseconds(250);
            o.MaxRetries = 200;
            configure?.Invoke(o);
        }).AddHttpMessageHandler(() => Log);
        _services = services.BuildServiceProvider();
    }

    public AttemptLog Log { get; } = new();

    /// <summary>What the client's parts logged at Information and above.</summary>
    public LogLines Logs { get; } = new();

    public IDeepForgeClient Api => _services.GetRequiredService<IDeepForgeClient>();

    public IRunnerClient Runner => _services.GetRequiredService<IRunnerClient>();

    public void Dispose() => _services.Dispose();
}
