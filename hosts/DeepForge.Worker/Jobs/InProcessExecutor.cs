using DeepForge.Blobs;
using DeepForge.Catalog;
using DeepForge.Feedback;
using DeepForge.Plugins;
using DeepForge.Runtime;

namespace DeepForge.Worker.Jobs;

/// <summary>
/// Runs jobs in this process against the cache: what a job's child process does, and what the worker
/// does itself when RunInChildProcess is off. Project code loads once per assembly blob.
/// </summary>
internal sealed class InProcessExecutor(PluginRegistry plugins, IBlobStore cache, string? cacheDirectory = null, bool oneJob = false) : IJobExecutor
{
    // No store: a worker loads project code from its compiled assembly blob only. A job process (oneJob) runs one operation, so its
    // catalog reads that one rather than every plugin's; the worker's own executor runs many and reads each catalog whole, once.
    private readonly CatalogProvider _catalogs = new(plugins, cache, store: null) { ReadsOperationsOnDemand = oneJob };

    /// <summary>
    /// Makes the catalog of the plugins alone ahead of a job (a warm job process does, before its job arrives): a job of a plugin's
    /// operation finds it made (in a job process, its serializers found; its operation is read when the job names it).
    /// </summary>
    public async Task PrepareAsync(CancellationToken cancellationToken)
    {
        using var lease = await _catalogs.ForAsync([], cancellationToken);
    }

    public async Task<JobOutcome> RunAsync(JobSpec spec, string jobDirectory, IFeedbackSink sink, CancellationToken cancellationToken)
    {
        var runner = new InProcessJobRunner(_catalogs, cache, Path.Combine(jobDirectory, "work"));
        try
        {
            // In the worker's own process (RunInChildProcess off): the extensions the job carries load here, once.
            if (cacheDirectory != null) JobExtensions.Load(spec, cacheDirectory, plugins);
            return JobOutcome.Success(await runner.RunAsync(spec, sink, cancellationToken));
        }
        catch (JobFailedException e)
        {
            return JobOutcome.Failure(e.Message, e.Details);
        }
        catch (DeepForgeException e)
        {
            // Raised before the operation ran: its code or an input could not be loaded.
            return JobOutcome.Failure($"operation '{spec.Operation}' of node '{spec.NodeId}' could not start: {e.Message}", e.ToString());
        }
    }
}
