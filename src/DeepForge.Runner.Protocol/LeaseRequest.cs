namespace DeepForge.Runner.Protocol;

/// <summary>
/// A worker asks for a job it can run: its id, labels (cpu, gpu, cuda, custom) and free slots.
/// <see cref="WaitSeconds"/> bounds the long-poll (0 answers at once); the server caps it at
/// <see cref="RunnerProtocol.LongPoll"/> or its configured long-poll, which is also the default.
/// </summary>
/// <param name="RunnerId">The worker's id, stable across its restarts.</param>
/// <param name="Labels">What the worker can run: a job is leased only to a worker with all its labels.</param>
/// <param name="Slots">How many jobs the worker runs at once.</param>
/// <param name="Host">The worker's machine, for people reading the runner list.</param>
/// <param name="WaitSeconds">The longest the request waits for a job.</param>
public sealed record LeaseRequest(string RunnerId, IReadOnlyList<string> Labels, int Slots, string? Host = null, int? WaitSeconds = null);
