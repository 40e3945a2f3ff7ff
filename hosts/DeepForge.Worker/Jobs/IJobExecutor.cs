using DeepForge.Feedback;
using DeepForge.Runtime;

namespace DeepForge.Worker.Jobs;

/// <summary>Runs a job whose blobs are in the cache: in a child process, or in this one.</summary>
internal interface IJobExecutor
{
    /// <summary>
    /// Runs the job in <paramref name="jobDirectory"/> (which exists and is the job's own), sending its
    /// log and feedback to <paramref name="sink"/>. Cancelling ends the job at once and throws <see cref="OperationCanceledException"/>.
    /// </summary>
    Task<JobOutcome> RunAsync(JobSpec spec, string jobDirectory, IFeedbackSink sink, CancellationToken cancellationToken);
}
