namespace DeepForge.Dispatch;

/// <summary>
/// A worker asks for a job it can run: its id, labels (cpu, gpu, cuda, custom) and free slots.
/// <see cref="WaitSeconds"/> bounds the long-poll (0 answers at once); the server caps it at
/// <see cref="RunnerProtocol.LongPoll"/> or its configured long-poll, which is also the default.
/// </summary>
internal sealed record LeaseRequest(string RunnerId, IReadOnlyList<string> Labels, int Slots, string? Host = null, int? WaitSeconds = null);
