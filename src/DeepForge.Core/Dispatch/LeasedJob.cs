using DeepForge.Runtime;

namespace DeepForge.Dispatch;

/// <summary>
/// A job handed to a worker. <see cref="LeaseToken"/> fences every later report: once the lease is
/// taken away (expired, or the job re-queued) a report carrying the old token is refused.
/// </summary>
internal sealed record LeasedJob(string JobId, string LeaseToken, JobSpec Spec, int LeaseSeconds);
