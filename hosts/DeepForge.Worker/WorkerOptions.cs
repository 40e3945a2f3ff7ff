namespace DeepForge.Worker;

/// <summary>
/// How a worker reaches its server and runs jobs. Folders left null come from the DeepForge config
/// (<c>worker.dir</c>, <c>worker.cache.dir</c>, <c>worker.cache.useBlob</c>, <c>blob.dir</c>) of the data folder.
/// </summary>
public sealed class WorkerOptions
{
    /// <summary>The server, e.g. <c>http://gpu-box:8888</c>. Default: http://localhost:8888.</summary>
    public string ServerUrl { get; set; } = "http://localhost:8888";

    /// <summary>The worker token the server gave (<c>deepforge token create --worker</c>); sent as a bearer token.</summary>
    public string? Token { get; set; }

    /// <summary>Labels besides the detected ones (<c>cpu</c>, and <c>gpu</c> and <c>cuda</c> when a CUDA device is visible).</summary>
    public List<string> Labels { get; } = [];

    /// <summary>How many jobs run at once. Default: 1.</summary>
    public int Slots { get; set; } = 1;

    /// <summary>worker.dir: where job folders are made. Null: from the config.</summary>
    public string? WorkDirectory { get; set; }

    /// <summary>worker.cache.dir: blobs by hash (inputs, project code, outputs). Null: from the config.</summary>
    public string? CacheDirectory { get; set; }

    /// <summary>worker.cache.useBlob: link to the server's blob files instead of downloading them when they are on this disk. Null: from the config.</summary>
    public bool? UseBlob { get; set; }

    /// <summary>worker.cache.maxBytes: the most the cache keeps; least recently used blobs go first, never one a running job uses. Null: from the config (empty there: half the free disk).</summary>
    public long? CacheMaxBytes { get; set; }

    /// <summary>How long the folder of a failed job is kept for inspection before it is removed; a finished job's goes at once. Default: 1 hour.</summary>
    public TimeSpan KeepFailedJobFolders { get; set; } = TimeSpan.FromHours(1);

    /// <summary>The server's blob.dir as seen from this machine, for linking when the disk is shared. Null: from the config.</summary>
    public string? ServerBlobDirectory { get; set; }

    /// <summary>The data folder whose config fills the settings left null. Null: DEEPFORGE_DATA_DIR, else ~/.deepforge.</summary>
    public string? DataDirectory { get; set; }

    /// <summary>Runs each job in a child process, so a native crash or an out-of-memory kill ends one job and not the worker. Default: true.</summary>
    public bool RunInChildProcess { get; set; } = true;

    /// <summary>
    /// The program and arguments that start a job's child process; the job folder (or <c>-</c> for a warm process, which
    /// reads it from stdin) is added as the last argument, and the program must call
    /// <see cref="JobChild.RunAsync(string, IServiceProvider, CancellationToken)"/> with it (the deepforge command
    /// sets this to itself with its hidden <c>job-exec</c> verb). Required when <see cref="RunInChildProcess"/> is on.
    /// </summary>
    public List<string> ChildCommand { get; } = [];

    /// <summary>
    /// How many job processes wait warm (runtime, plugins and libtorch loaded) for the next jobs, so a job starts in
    /// milliseconds and still runs in a process of its own; each runs one job and exits, and a replacement starts warming
    /// when one is taken. 0: each job starts its process when it is leased. Null: as many as <see cref="Slots"/>.
    /// </summary>
    public int? WarmProcesses { get; set; }

    /// <summary>Whether a CUDA device is visible (the deepforge command asks TorchSharp). Null: none, the worker reports only <c>cpu</c>.</summary>
    public Func<bool>? CudaAvailable { get; set; }

    /// <summary>The longest wait between retries while the server cannot be reached. Default: 5 s.</summary>
    public TimeSpan MaxBackoff { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>How often log and feedback of a running job travel to the server, at most. Default: 250 ms.</summary>
    public TimeSpan ReportInterval { get; set; } = TimeSpan.FromMilliseconds(250);

    /// <summary>How often a job with nothing to report still heartbeats (to hold its lease and hear a cancel). Default: 1 s.</summary>
    public TimeSpan IdleHeartbeatInterval { get; set; } = TimeSpan.FromSeconds(1);
}
