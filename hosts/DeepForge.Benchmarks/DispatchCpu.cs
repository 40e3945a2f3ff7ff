namespace DeepForge.Benchmarks;

/// <summary>
/// CPU milliseconds per job of a timed dispatch run, on every core together: the bench process (the servers, in it), the worker
/// processes, and the job processes they started (counted as each exits and its worker reaps it; the few warm at the start and
/// at the end of the run come and go in equal numbers). On C cores, Total / C is the least wall time per job the machine allows.
/// </summary>
internal sealed record DispatchCpu(double ServerMsPerJob, double WorkersMsPerJob, double JobProcessesMsPerJob)
{
    public double TotalMsPerJob => Math.Round(ServerMsPerJob + WorkersMsPerJob + JobProcessesMsPerJob, 2);

    /// <summary>A snapshot of the bench process and the workers, to subtract from a later one.</summary>
    public sealed record Sample(ProcessCpu Server, IReadOnlyList<ProcessCpu> Workers)
    {
        public static Sample Take(IEnumerable<int> workerIds) =>
            new(ProcessCpu.Read(Environment.ProcessId) ?? default, [.. workerIds.Select(id => ProcessCpu.Read(id) ?? default)]);
    }

    public static DispatchCpu Between(Sample before, Sample after, int jobs)
    {
        var workers = after.Workers.Zip(before.Workers, (a, b) => a - b).ToList();
        double PerJob(double ms) => Math.Round(ms / jobs, 2);
        return new DispatchCpu(PerJob((after.Server - before.Server).OwnMs), PerJob(workers.Sum(w => w.OwnMs)), PerJob(workers.Sum(w => w.ChildrenMs)));
    }
}
