using DeepForge.Client;
using DeepForge.Plugins;
using DeepForge.Runner.Protocol;
using DeepForge.Worker.Cache;
using DeepForge.Worker.Jobs;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace DeepForge.Worker.Sessions;

/// <summary>What every job session of a worker shares (the client, the cache, the job folders, the executor), and the door to start one.</summary>
internal sealed class JobSessions
{
    private readonly IServiceProvider _services;
    private readonly Lazy<IJobExecutor> _executor;

    public JobSessions(IServiceProvider services, WorkerSettings settings, WorkerIdentity identity, IRunnerClient client, ILogger<WorkerAgent> logger)
    {
        _services = services;
        (Settings, Identity, Client, Logger) = (settings, identity, client, logger);
        Cache = new BlobCache(settings.CacheDirectory, settings.UseBlob, settings.ServerBlobDirectory, client, settings.MaxBackoff, logger, settings.CacheMaxBytes);
        Folders = new JobFolders(settings.JobsDirectory, logger, settings.KeepFailedJobFolders);
        _executor = new Lazy<IJobExecutor>(CreateExecutor);
    }

    public WorkerSettings Settings { get; }

    public WorkerIdentity Identity { get; }

    public IRunnerClient Client { get; }

    public ILogger Logger { get; }

    public BlobCache Cache { get; }

    public JobFolders Folders { get; }

    public IJobExecutor Executor => _executor.Value;

    /// <summary>Ends what the executor keeps (its warm job processes), once no job runs any more.</summary>
    public void StopExecutor()
    {
        if (_executor.IsValueCreated && _executor.Value is IDisposable executor) executor.Dispose();
    }

    /// <summary>One leased job from start to report. Never throws: a job's trouble is that job's, not the worker's.</summary>
    public Task RunAsync(LeasedJob leased, CancellationToken stopping) => new JobSession(this, leased).RunAsync(stopping);

    private IJobExecutor CreateExecutor()
    {
        if (Settings.RunInChildProcess) return new ChildProcessExecutor(Settings.ChildCommand, Cache.Root, Logger, Settings.WarmProcesses);
        var plugins = _services.GetService<PluginRegistry>()
            ?? throw new DeepForgeException("worker options", "WorkerOptions.RunInChildProcess is off, so jobs run in this process, but DeepForge is not added to its services: call AddDeepForge, or turn RunInChildProcess on");
        return new InProcessExecutor(plugins, Cache.Store, Cache.Root);
    }
}
