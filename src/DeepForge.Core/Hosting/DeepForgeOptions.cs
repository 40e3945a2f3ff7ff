namespace DeepForge.Hosting;

/// <summary>Where DeepForge keeps its data and how it runs pipelines.</summary>
public sealed class DeepForgeOptions
{
    /// <summary>The data folder: database, config, default blob folder. Default: DEEPFORGE_DATA_DIR, else ~/.deepforge.</summary>
    public string DataDirectory { get; set; } = DefaultDataDirectory();

    /// <summary>blob.dir: where blobs are kept. Default: the config file's blob.dir, else &lt;data&gt;/blob.</summary>
    public string? BlobDirectory { get; set; }

    /// <summary>Folders holding one sub-folder per seed.</summary>
    public List<string> SeedDirectories { get; } = [];

    /// <summary>Folders whose plugin assemblies are loaded at start.</summary>
    public List<string> PluginDirectories { get; } = [];

    /// <summary>How many operations of one execution run at once in this process.</summary>
    public int MaxParallelOperations { get; set; } = Math.Max(2, Environment.ProcessorCount);

    /// <summary>How often log and feedback of running jobs are written to the store.</summary>
    public TimeSpan FlushInterval { get; set; } = TimeSpan.FromMilliseconds(250);

    /// <summary>
    /// How old an unreferenced blob must be before the collector frees it (<c>deepforge blobs gc</c>, and the server's
    /// background collection): long enough for a blob uploaded for a run being created, or an output before its job
    /// completes, to become referenced. Default 1 hour.
    /// </summary>
    public TimeSpan BlobGracePeriod { get; set; } = TimeSpan.FromHours(1);

    /// <summary>
    /// How many versions of project code (one per source hash and plugin set) stay loaded when no run, catalog or editor
    /// uses them; older ones are unloaded. Versions in use are always kept. At least 1; default 16.
    /// </summary>
    public int LoadedCodeVersions { get; set; } = Catalog.CatalogProvider.DefaultLoadedVersions;

    /// <summary>
    /// How long the lease on an execution this process runs lasts without being renewed: when its process dies (or stays
    /// paused) this long, another server on the same store takes the execution over and resumes it. Default 20 s.
    /// </summary>
    public TimeSpan ExecutionLease { get; set; } = TimeSpan.FromSeconds(20);

    /// <summary>How often a running execution's lease is renewed, and how often a server looks for executions to take over; at most half of <see cref="ExecutionLease"/>. Default 5 s.</summary>
    public TimeSpan ExecutionLeaseRenewal { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>The data folder used when none is configured.</summary>
    public static string DefaultDataDirectory() =>
        Environment.GetEnvironmentVariable("DEEPFORGE_DATA_DIR") is { Length: > 0 } dir
            ? dir
            : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".deepforge");

    /// <summary>Where blobs are kept: <see cref="BlobDirectory"/>, or <c>blob</c> under <see cref="DataDirectory"/>.</summary>
    public string ResolvedBlobDirectory => BlobDirectory ?? Path.Combine(DataDirectory, "blob");
}
