namespace DeepForge.Runtime;

/// <summary>How a process holds the executions it runs: as whom, for how long a lease lasts, how often it is renewed.</summary>
internal sealed record LeaseSettings(string Holder, TimeSpan Duration, TimeSpan Renewal);
