using DeepForge.Blobs;
using DeepForge.Catalog;
using DeepForge.Feedback;
using DeepForge.Models;

namespace DeepForge.Runtime;

/// <summary>Runs jobs in this process: how <c>deepforge run</c> and embedding apps execute pipelines.</summary>
public sealed class InProcessJobRunner(CatalogProvider catalogs, IBlobStore blobs, string workRoot, ProcessExitRecorder? exits = null) : IJobRunner
{
    /// <summary>Runs the job with the operations of its compiled project (or the built-in ones when it has none), in a work folder deleted afterwards; any failure but cancellation is thrown as a <see cref="JobFailedException"/> naming the operation and node.</summary>
    public async Task<IReadOnlyDictionary<string, OutputValue>> RunAsync(JobSpec job, IFeedbackSink sink, CancellationToken cancellationToken)
    {
        using var lease = job.AssemblyBlob != null
            ? await catalogs.ForAssemblyBlobAsync(job.SourceHash!, job.AssemblyBlob, cancellationToken)
            : await catalogs.ForAsync([], cancellationToken);
        var workDirectory = Path.Combine(workRoot, job.ExecutionId, job.NodeId);
        using var running = exits?.Track(job);
        try
        {
            return await new OperationInvoker(lease.Catalog, blobs).InvokeAsync(job, sink, workDirectory, cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception e) when (e is not JobFailedException)
        {
            throw new JobFailedException($"operation '{job.Operation}' of node '{job.NodeId}' failed: {e.Message}", Failures.FailureText.Describe(e), e);
        }
        finally
        {
            TryDelete(workDirectory);
        }
    }

    private static void TryDelete(string directory)
    {
        if (!Directory.Exists(directory)) return;
        try { Directory.Delete(directory, recursive: true); }
        catch (IOException) { } // a file still open in the operation; the next run of the node starts clean anyway
        catch (UnauthorizedAccessException) { }
    }
}
