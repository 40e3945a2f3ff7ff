using DeepForge.Blobs;
using DeepForge.Plugins;

namespace DeepForge.Worker.Jobs;

/// <summary>
/// A warm job process's executor, made before its job arrives over the cache the worker named (<see cref="ChildProtocol.CacheVariable"/>),
/// with the catalog of the plugins made: what every job did after it arrived, and so paid for in its start.
/// </summary>
internal sealed class PreparedExecutor
{
    private readonly string _cacheDirectory;

    private PreparedExecutor(string cacheDirectory, InProcessExecutor executor) => (_cacheDirectory, Executor) = (cacheDirectory, executor);

    public InProcessExecutor Executor { get; }

    /// <summary>Whether a job with this cache can run on it (the job file names the cache; the worker's is one for all its jobs).</summary>
    public bool Serves(string cacheDirectory) => string.Equals(Path.GetFullPath(cacheDirectory), _cacheDirectory, StringComparison.Ordinal);

    /// <summary>The executor with its catalog made, or null when no cache was named, there are no plugins, or the catalog could not be made.</summary>
    public static async Task<PreparedExecutor?> MakeAsync(PluginRegistry? plugins, string? cacheDirectory, CancellationToken cancellationToken)
    {
        if (plugins == null || string.IsNullOrEmpty(cacheDirectory)) return null;
        var executor = new InProcessExecutor(plugins, new FileBlobStore(cacheDirectory), oneJob: true);
        try
        {
            await executor.PrepareAsync(cancellationToken);
        }
        catch (Exception e) when (e is not OutOfMemoryException and not OperationCanceledException)
        {
            // Whatever broke will break again for the job, which reports it as its failure: the warm-up says nothing of it.
            return null;
        }
        JobPhases.Mark("catalog made");
        return new PreparedExecutor(Path.GetFullPath(cacheDirectory), executor);
    }
}
