namespace DeepForge.Benchmarks;

/// <summary>Where a bench worker runs its jobs.</summary>
internal enum BenchJobMode
{
    /// <summary>In a warm child process each, started ahead of the job: what workers do by default.</summary>
    WarmProcess,

    /// <summary>In a child process each, started when the job is leased (a worker with no warm processes).</summary>
    ColdProcess,

    /// <summary>Inside the worker process: the dispatch path alone.</summary>
    InProcess,
}
