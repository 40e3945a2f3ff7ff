using DeepForge.Blobs;
using DeepForge.Catalog;
using DeepForge.Feedback;
using DeepForge.Models;

namespace DeepForge.Runtime;

/// <summary>
/// A job's checkpoints: the last one stored for its node (handed to the job that continues it) and new ones, written as
/// blobs with the job's serializers and reported through its feedback, where the node records them.
/// </summary>
internal sealed class JobCheckpoints(IBlobStore blobs, OperationCatalog catalog, OutputValue? last, IFeedbackSink sink, CancellationToken cancellationToken)
{
    private OutputValue? _last = last;

    public void Write(object state)
    {
        var type = state.GetType();
        var serializer = catalog.Serializers.For(type);
        // Written before the operation goes on: a checkpoint it was told about is one a crash cannot take away.
        var blob = blobs.WriteAsync((stream, _) => { serializer.Serialize(state, stream); return Task.CompletedTask; }, cancellationToken)
            .GetAwaiter().GetResult();
        _last = new OutputValue(DataTypeNames.Of(type), blob.Hash, blob.Size);
        sink.Feedback(CheckpointReport.Event(_last));
    }

    // A checkpoint of another type (the operation's code changed since) is no state this code can continue from.
    public T? Read<T>() where T : class
    {
        if (_last == null) return null;
        // The asked-for type first: a state type of the project's code is no port type the catalog knows by name.
        var stored = DataTypeNames.Of(typeof(T)) == _last.DataType ? typeof(T) : catalog.ResolveType(_last.DataType);
        if (stored == null || !typeof(T).IsAssignableFrom(stored)) return null;
        using var stream = blobs.OpenRead(_last.Hash);
        return (T)catalog.Serializers.For(stored).Deserialize(stream);
    }
}
