using DeepForge.Feedback;
using DeepForge.Models;

namespace DeepForge.Runtime;

/// <summary>Runs jobs: in this process, or (later) by handing them to workers.</summary>
public interface IJobRunner
{
    /// <summary>Runs the job and returns its outputs by port name; throws <see cref="JobFailedException"/> when the operation fails.</summary>
    Task<IReadOnlyDictionary<string, OutputValue>> RunAsync(JobSpec job, IFeedbackSink sink, CancellationToken cancellationToken);
}
