using DeepForge.Blobs;
using DeepForge.Catalog;
using DeepForge.Feedback;
using DeepForge.Models;

namespace DeepForge.Runtime;

/// <summary>
/// A job's checkpoints: the last one stored for its node (handed to the job that continues it) and new ones, written as
/// blobs with the job's serializers and reported through its feedback, where the node records them.
/// </summary>
internal sealed class JobCheckpoints : IAsyncDisposable
{
    private readonly IBlobStore _blobs;
    private readonly OperationCatalog _catalog;
    private OutputValue? _last;
    private Stream? _lastState;
    private readonly IFeedbackSink _sink;
    private readonly CancellationToken _cancellationToken;

    private JobCheckpoints(IBlobStore blobs, OperationCatalog catalog, OutputValue? last, Stream? lastState, IFeedbackSink sink, CancellationToken cancellationToken) =>
        (_blobs, _catalog, _last, _lastState, _sink, _cancellationToken) = (blobs, catalog, last, lastState, sink, cancellationToken);

    /// <summary>
    /// Opens the last checkpoint before the operation starts, and each new one as it is stored: the operation asks for
    /// it from synchronous code on its compute thread, where the store's asynchronous read would have to be waited for.
    /// </summary>
    public static async Task<JobCheckpoints> OpenAsync(IBlobStore blobs, OperationCatalog catalog, OutputValue? last, IFeedbackSink sink, CancellationToken cancellationToken)
    {
        var lastState = last == null ? null : await blobs.OpenReadAsync(last.Hash, cancellationToken);
        return new JobCheckpoints(blobs, catalog, last, lastState, sink, cancellationToken);
    }

    public void Write(object state)
    {
        // Written before the operation goes on: a checkpoint it was told about is one a crash cannot take away. The
        // operation's synchronous code runs on its own compute thread, so waiting here holds no pool thread.
        var written = StoreAsync(state).GetAwaiter().GetResult();
        _sink.Feedback(CheckpointReport.Event(written));
    }

    private async Task<OutputValue> StoreAsync(object state)
    {
        var type = state.GetType();
        var serializer = _catalog.Serializers.For(type);
        var blob = await _blobs.WriteAsync((stream, _) => { serializer.Serialize(state, stream); return Task.CompletedTask; }, _cancellationToken);
        var written = new OutputValue(DataTypeNames.Of(type), blob.Hash, blob.Size);
        var opened = await _blobs.OpenReadAsync(blob.Hash, _cancellationToken); // what LastCheckpoint gives from now on
        if (_lastState != null) await _lastState.DisposeAsync();
        (_last, _lastState) = (written, opened);
        return written;
    }

    // A checkpoint of another type (the operation's code changed since) is no state this code can continue from.
    public T? Read<T>() where T : class
    {
        if (_last == null || _lastState == null) return null;
        // The asked-for type first: a state type of the project's code is no port type the catalog knows by name.
        var stored = DataTypeNames.Of(typeof(T)) == _last.DataType ? typeof(T) : _catalog.ResolveType(_last.DataType);
        if (stored == null || !typeof(T).IsAssignableFrom(stored)) return null;
        _lastState.Position = 0; // asked for again: read from the start again
        return (T)_catalog.Serializers.For(stored).Deserialize(_lastState);
    }

    public ValueTask DisposeAsync() => _lastState?.DisposeAsync() ?? ValueTask.CompletedTask;
}
