using DeepForge.Runtime;

namespace DeepForge.Runner.Protocol;

/// <summary>
/// A job handed to a worker. <see cref="LeaseToken"/> fences every later report: once the lease is
/// taken away (expired, or the job re-queued) a report carrying the old token is refused.
/// </summary>
/// <param name="JobId">The job's id in the runner protocol's routes.</param>
/// <param name="LeaseToken">The token every report on the job carries.</param>
/// <param name="Spec">What to run.</param>
/// <param name="LeaseSeconds">How long the lease lasts without a heartbeat.</param>
public sealed record LeasedJob(string JobId, string LeaseToken, JobSpec Spec, int LeaseSeconds);
