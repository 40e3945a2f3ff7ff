using DeepForge.Storage;

namespace DeepForge.Core.Tests;

/// <summary>
/// The engine's real store, whose first read of one collection holds its answer until <see cref="Resume"/>: a process
/// paused between a look and the write it decides on (a GC pause, a stalled VM), made to happen where a test needs it.
/// </summary>
internal sealed class PausingStore(IDocumentStore inner, string paused) : DelegatingStore(inner)
{
    private readonly TaskCompletionSource _resume = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _reached = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _pauses;

    /// <summary>Completes once the paused read has its answer and waits.</summary>
    public Task Paused => _reached.Task;

    public void Resume() => _resume.TrySetResult();

    public override async Task<StoredDocument?> GetAsync(string collection, string id, CancellationToken cancellationToken = default)
    {
        var document = await Inner.GetAsync(collection, id, cancellationToken);
        if (collection != paused || Interlocked.Increment(ref _pauses) != 1) return document;
        _reached.TrySetResult();
        await _resume.Task.WaitAsync(cancellationToken);
        return document;
    }
}
