namespace DeepForge.Dispatch;

/// <summary>A worker asks for a job it can run: its id, labels (cpu, gpu, cuda, custom) and free slots.</summary>
internal sealed record LeaseRequest(string RunnerId, IReadOnlyList<string> Labels, int Slots, string? Host = null);
