using DeepForge.Dispatch;

namespace DeepForge.Designer.Workers;

/// <summary>A queued job and why it has not started: no free worker, or none with the labels it needs.</summary>
internal sealed record WaitingJob(JobRecord Job, string Why);
