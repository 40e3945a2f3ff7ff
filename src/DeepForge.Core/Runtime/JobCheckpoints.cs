using DeepForge.Blobs;
using DeepForge.Catalog;
using DeepForge.Feedback;
using DeepForge.Models;

namespace DeepForge.Runtime;

/// <summary>
/// A job's checkpoints: the last one stored for its node (handed to the job that continues it) and new ones, written as
/// blobs with the job's serializers and reported through its feedback, where the node records them. A new state is
/// serialized at once (the operation may change it as soon as it goes on) and stored and reported on a background
/// task, one after another in the order they came, so no thread waits on the store. What the operation reports after a
/// checkpoint is held back until it is stored (<see cref="Sink"/>), and the job awaits them all (<see cref="FlushAsync"/>)
/// before it stores its outputs: a checkpoint is stored before the job reports anything that came after it.
/// </summary>
internal sealed class JobCheckpoints : IAsyncDisposable
{
    private readonly IBlobStore _blobs;
    private readonly OperationCatalog _catalog;
    private readonly IFeedbackSink _sink;
    private readonly OrderedSink _ordered;
    private readonly CancellationToken _cancellationToken;
    private readonly Lock _gate = new();
    private string? _lastType;
    private Stream? _lastState;
    private Task _stored = Task.CompletedTask;

    private JobCheckpoints(IBlobStore blobs, OperationCatalog catalog, OutputValue? last, Stream? lastState, IFeedbackSink sink, CancellationToken cancellationToken) =>
        (_blobs, _catalog, _lastType, _lastState, _sink, _ordered, _cancellationToken) = (blobs, catalog, last?.DataType, lastState, sink, new OrderedSink(sink), cancellationToken);

    /// <summary>The sink the operation reports through: what it reports after a checkpoint is passed on once that is stored.</summary>
    public IFeedbackSink Sink => _ordered;

    /// <summary>
    /// Opens the last checkpoint before the operation starts: the operation asks for it from synchronous code on its
    /// compute thread, where the store's asynchronous read would have to be waited for.
    /// </summary>
    public static async Task<JobCheckpoints> OpenAsync(IBlobStore blobs, OperationCatalog catalog, OutputValue? last, IFeedbackSink sink, CancellationToken cancellationToken)
    {
        var lastState = last == null ? null : await blobs.OpenReadAsync(last.Hash, cancellationToken);
        return new JobCheckpoints(blobs, catalog, last, lastState, sink, cancellationToken);
    }

    /// <summary>Takes <paramref name="state"/> as the last checkpoint now; the task completes once it is stored and reported.</summary>
    public Task WriteAsync(object state)
    {
        var type = state.GetType();
        var bytes = Serialize(state, type);
        var previous = _lastState;
        // What LastCheckpoint gives from now on: the bytes just taken, not the blob still being written.
        (_lastType, _lastState) = (DataTypeNames.Of(type), new MemoryStream(bytes, writable: false));
        previous?.Dispose();
        lock (_gate)
        {
            _ordered.Hold();
            return _stored = StoreAfterAsync(_stored, DataTypeNames.Of(type), bytes);
        }
    }

    /// <summary>The checkpoints taken so far, stored and reported; fails with the first that could not be.</summary>
    public Task FlushAsync()
    {
        lock (_gate) return _stored;
    }

    private byte[] Serialize(object state, Type type)
    {
        using var buffer = new MemoryStream();
        _catalog.Serializers.For(type).Serialize(state, buffer);
        return buffer.ToArray();
    }

    private async Task StoreAfterAsync(Task previous, string dataType, byte[] bytes)
    {
        try
        {
            await previous.ConfigureAwait(false); // in order: a later checkpoint never lands before an earlier one
            var blob = await _blobs.PutAsync(new MemoryStream(bytes, writable: false), cancellationToken: _cancellationToken).ConfigureAwait(false);
            var report = CheckpointReport.Event(new OutputValue(dataType, blob.Hash, blob.Size));
            if (_sink is CheckpointRecorder recorder) await recorder.RecordAsync(report, _cancellationToken).ConfigureAwait(false);
            else _sink.Feedback(report); // a worker's job process: its runner uploads and reports it
        }
        finally
        {
            _ordered.Release();
        }
    }

    // A checkpoint of another type (the operation's code changed since) is no state this code can continue from.
    public T? Read<T>() where T : class
    {
        if (_lastType == null || _lastState == null) return null;
        // The asked-for type first: a state type of the project's code is no port type the catalog knows by name.
        var stored = DataTypeNames.Of(typeof(T)) == _lastType ? typeof(T) : _catalog.ResolveType(_lastType);
        if (stored == null || !typeof(T).IsAssignableFrom(stored)) return null;
        _lastState.Position = 0; // asked for again: read from the start again
        return (T)_catalog.Serializers.For(stored).Deserialize(_lastState);
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            // A job that failed still leaves its checkpoints stored, for the next attempt to continue from; what failed
            // storing them is the job's failure only when it had none of its own (FlushAsync before the outputs).
            await FlushAsync().ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (_cancellationToken.IsCancellationRequested)
        {
            // The job was cancelled: a checkpoint half stored is one it did not get.
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            _sink.Log($"\na checkpoint could not be stored: {e.Message}\n");
        }
        finally
        {
            if (_lastState != null) await _lastState.DisposeAsync();
        }
    }
}
