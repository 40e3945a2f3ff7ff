using System.Collections.Concurrent;

namespace DeepForge.Dispatch;

/// <summary>
/// In-process wake-ups: lease requests wake when a job is queued, and waiters on a job wake when it
/// ends, without polling the store. What another server does is seen by the slower poll of the waiters.
/// </summary>
internal sealed class JobSignals
{
    private readonly ConcurrentDictionary<string, TaskCompletionSource> _ended = new();
    private TaskCompletionSource _queued = NewSource();

    /// <summary>A task that completes at the next <see cref="Queued"/>; take it before looking at the store so no wake-up is missed.</summary>
    public Task NextQueued() => Volatile.Read(ref _queued).Task;

    /// <summary>A job went into the queue: wakes every waiting lease request.</summary>
    public void Queued() => Interlocked.Exchange(ref _queued, NewSource()).TrySetResult();

    /// <summary>A task that completes when <see cref="Ended"/> is called for the job; call <see cref="Forget"/> when done waiting.</summary>
    public Task NextEnded(string jobId) => _ended.GetOrAdd(jobId, _ => NewSource()).Task;

    public void Ended(string jobId)
    {
        if (_ended.TryRemove(jobId, out var source)) source.TrySetResult();
    }

    public void Forget(string jobId) => _ended.TryRemove(jobId, out _);

    // Continuations run asynchronously so a store write that signals never runs a waiter's code inline.
    private static TaskCompletionSource NewSource() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}
