namespace DeepForge.Worker.Sessions;

/// <summary>What the heartbeats heard about a job's lease, read by the session when the job has ended.</summary>
internal sealed class LeaseState
{
    public volatile bool Lost;
    public volatile bool CancelRequested;
}
