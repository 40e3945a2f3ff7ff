using DeepForge.Configuration;
using DeepForge.Hosting;

namespace DeepForge.Worker;

/// <summary><see cref="WorkerOptions"/> checked, with every folder filled in from the config.</summary>
internal sealed record WorkerSettings
{
    public required Uri ServerUrl { get; init; }
    public string? Token { get; init; }
    public required int Slots { get; init; }
    public required string WorkDirectory { get; init; }
    public required string CacheDirectory { get; init; }
    public required bool UseBlob { get; init; }
    public required long CacheMaxBytes { get; init; }
    public required TimeSpan KeepFailedJobFolders { get; init; }
    public string? ServerBlobDirectory { get; init; }
    public required bool RunInChildProcess { get; init; }
    public required IReadOnlyList<string> ChildCommand { get; init; }
    public required int WarmProcesses { get; init; }
    public required IReadOnlyList<string> ExtraLabels { get; init; }
    public Func<bool>? CudaAvailable { get; init; }
    public required TimeSpan MaxBackoff { get; init; }
    public required TimeSpan ReportInterval { get; init; }
    public required TimeSpan IdleHeartbeatInterval { get; init; }

    /// <summary>The folder under worker.dir that holds one folder per running job.</summary>
    public string JobsDirectory => Path.Combine(WorkDirectory, "jobs");

    public static WorkerSettings From(WorkerOptions options)
    {
        var problems = new List<string>();
        if (!Uri.TryCreate(options.ServerUrl, UriKind.Absolute, out var url) || url.Scheme is not ("http" or "https"))
            problems.Add($"WorkerOptions.ServerUrl '{options.ServerUrl}' is not an http:// or https:// address: give the server's, e.g. http://gpu-box:8888");
        if (options.Slots < 1) problems.Add($"WorkerOptions.Slots is {options.Slots}: a worker runs at least 1 job at a time, set it to 1 or more");
        if (options.RunInChildProcess && (options.ChildCommand.Count == 0 || string.IsNullOrWhiteSpace(options.ChildCommand[0])))
            problems.Add("WorkerOptions.ChildCommand is empty: set the program that runs a job folder (it calls JobChild.RunAsync), or turn RunInChildProcess off");
        if (options.WarmProcesses is < 0) problems.Add($"WorkerOptions.WarmProcesses is {options.WarmProcesses}: give 0 (each job starts its process) or more, or null for as many as Slots");
        if (options.MaxBackoff <= TimeSpan.Zero) problems.Add($"WorkerOptions.MaxBackoff is {options.MaxBackoff}: set it above zero (default 5 s)");
        if (options.ReportInterval <= TimeSpan.Zero) problems.Add($"WorkerOptions.ReportInterval is {options.ReportInterval}: set it above zero (default 250 ms)");
        if (options.IdleHeartbeatInterval <= TimeSpan.Zero) problems.Add($"WorkerOptions.IdleHeartbeatInterval is {options.IdleHeartbeatInterval}: set it above zero (default 1 s)");
        if (options.CacheMaxBytes is <= 0) problems.Add($"WorkerOptions.CacheMaxBytes is {options.CacheMaxBytes}: give a positive number of bytes, or null for the config's {Cache.CacheLimit.Key}");
        if (options.KeepFailedJobFolders < TimeSpan.Zero) problems.Add($"WorkerOptions.KeepFailedJobFolders is {options.KeepFailedJobFolders}: set it to zero or more");
        var labels = options.Labels.Select(l => l.Trim()).Where(l => l.Length > 0).ToList();
        foreach (var label in labels.Where(l => l.Any(c => char.IsWhiteSpace(c) || c == ',')))
            problems.Add($"WorkerOptions.Labels: '{label}' holds a space or a comma; give labels one by one");
        if (problems.Count > 0) throw new DeepForgeException("worker options", string.Join("; ", problems));

        var config = new DeepForgeConfig(options.DataDirectory ?? DeepForgeOptions.DefaultDataDirectory());
        var cacheDirectory = Path.GetFullPath(options.CacheDirectory ?? config.GetString("worker.cache.dir"));
        string? limitProblem = null;
        var maxBytes = options.CacheMaxBytes ?? Cache.CacheLimit.Parse(config.GetString(Cache.CacheLimit.Key), out limitProblem);
        if (limitProblem != null) throw new DeepForgeException(Cache.CacheLimit.Key, limitProblem);
        var serverUrl = url!.AbsoluteUri.EndsWith('/') ? url : new Uri(url.AbsoluteUri + "/");
        return new WorkerSettings
        {
            ServerUrl = serverUrl,
            Token = string.IsNullOrWhiteSpace(options.Token) ? null : options.Token.Trim(),
            Slots = options.Slots,
            WorkDirectory = Path.GetFullPath(options.WorkDirectory ?? config.GetString("worker.dir")),
            CacheDirectory = cacheDirectory,
            CacheMaxBytes = maxBytes ?? Cache.CacheLimit.Default(cacheDirectory),
            KeepFailedJobFolders = options.KeepFailedJobFolders,
            UseBlob = options.UseBlob ?? (bool)config.Get("worker.cache.useBlob"),
            ServerBlobDirectory = options.ServerBlobDirectory ?? config.GetString("blob.dir"),
            RunInChildProcess = options.RunInChildProcess,
            ChildCommand = options.ChildCommand.ToList(),
            WarmProcesses = options.RunInChildProcess ? options.WarmProcesses ?? options.Slots : 0,
            ExtraLabels = labels,
            CudaAvailable = options.CudaAvailable,
            MaxBackoff = options.MaxBackoff,
            ReportInterval = options.ReportInterval,
            IdleHeartbeatInterval = options.IdleHeartbeatInterval,
        };
    }
}
