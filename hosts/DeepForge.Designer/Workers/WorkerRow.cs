using DeepForge.Dispatch;

namespace DeepForge.Designer.Workers;

/// <summary>A worker as the workers page shows it: its record, whether it is still heard from, and the jobs it holds.</summary>
internal sealed record WorkerRow(RunnerRecord Runner, bool Alive, IReadOnlyList<JobRecord> Jobs);
