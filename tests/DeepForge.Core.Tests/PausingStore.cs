using DeepForge.Storage;

namespace DeepForge.Core.Tests;

/// <summary>
/// The engine's real store, whose first read of one collection holds its answer until <see cref="Resume"/>: a process
/// paused between a look and the write it decides on (a GC pause, a stalled VM), made to happen where a test needs it.
/// </summary>
internal sealed class PausingStore(IDocumentStore inner, string paused) : IDocumentStore
{
    private readonly TaskCompletionSource _resume = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _reached = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _pauses;

    /// <summary>Completes once the paused read has its answer and waits.</summary>
    public Task Paused => _reached.Task;

    public void Resume() => _resume.TrySetResult();

    public async Task<StoredDocument?> GetAsync(string collection, string id, CancellationToken cancellationToken = default)
    {
        var document = await inner.GetAsync(collection, id, cancellationToken);
        if (collection != paused || Interlocked.Increment(ref _pauses) != 1) return document;
        _reached.TrySetResult();
        await _resume.Task.WaitAsync(cancellationToken);
        return document;
    }

    public Task InitializeAsync(CancellationToken cancellationToken = default) => inner.InitializeAsync(cancellationToken);

    public Task<IReadOnlyList<StoredDocument>> ListAsync(string collection, string? partition, CancellationToken cancellationToken = default) =>
        inner.ListAsync(collection, partition, cancellationToken);

    public Task<long?> PutAsync(string collection, string id, string? partition, string json, long? expectedVersion, CancellationToken cancellationToken = default) =>
        inner.PutAsync(collection, id, partition, json, expectedVersion, cancellationToken);

    public Task<bool> PutManyAsync(IReadOnlyList<DocumentWrite> writes, CancellationToken cancellationToken = default) => inner.PutManyAsync(writes, cancellationToken);

    public Task<bool> DeleteAsync(string collection, string id, CancellationToken cancellationToken = default) => inner.DeleteAsync(collection, id, cancellationToken);

    public Task AppendAsync(string stream, IReadOnlyList<string> entries, CancellationToken cancellationToken = default) => inner.AppendAsync(stream, entries, cancellationToken);

    public Task<IReadOnlyList<StreamEntry>> ReadStreamAsync(string stream, long afterSequence, int max, CancellationToken cancellationToken = default) =>
        inner.ReadStreamAsync(stream, afterSequence, max, cancellationToken);

    public Task DeleteStreamsAsync(string prefix, CancellationToken cancellationToken = default) => inner.DeleteStreamsAsync(prefix, cancellationToken);
}
