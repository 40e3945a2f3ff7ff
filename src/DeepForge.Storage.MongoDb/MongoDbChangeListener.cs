using Microsoft.Extensions.Logging;
using MongoDB.Bson;
using MongoDB.Driver;
using static DeepForge.Storage.MongoDb.MongoDbFields;

namespace DeepForge.Storage.MongoDb;

/// <summary>
/// The store's change feed from a MongoDB change stream on its two collections (the store needs a replica set or a
/// sharded cluster, which have change streams). A written document is named by its collection, id and partition;
/// a deleted one only by MongoDB's own key, so a delete is told as <see cref="StoreChange.Everything"/>. Streams'
/// deletes are not told (they go with an execution's delete). A dropped stream is resumed from its last token, or
/// opened afresh with <see cref="StoreChange.Everything"/>. Where the deployment refuses change streams (no
/// privilege, an emulation without them) the feed says <see cref="StoreChange.Everything"/> every second instead.
/// </summary>
internal sealed class MongoDbChangeListener(IMongoDatabase database, ChangeBroadcast changes, ILogger logger) : IDisposable
{
    private static readonly TimeSpan RetryAfter = TimeSpan.FromSeconds(1);
    private readonly CancellationTokenSource _stopping = new();
    private readonly TaskCompletionSource _listening = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _started;

    /// <summary>Starts (once); completes when the change stream is open, or when opening it first failed.</summary>
    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (Interlocked.Exchange(ref _started, 1) == 0) _ = Task.Run(() => RunAsync(_stopping.Token), CancellationToken.None);
        return _listening.Task.WaitAsync(cancellationToken);
    }

    public void Dispose()
    {
        if (!_stopping.IsCancellationRequested) _stopping.Cancel();
    }

    private async Task RunAsync(CancellationToken cancellationToken)
    {
        BsonDocument? resumeAfter = null;
        var lost = false;
        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                resumeAfter = await WatchAsync(resumeAfter, lost, cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested) { return; }
            catch (MongoCommandException ex) when (resumeAfter == null && !lost)
            {
                // Refused outright (not lost on the way): tick instead, as a store without a feed would.
                MongoDbStoreLog.NoChangeStreams(logger, ex.Message);
                _listening.TrySetResult();
                await TickAsync(cancellationToken).ConfigureAwait(false);
                return;
            }
            catch (Exception ex)
            {
                MongoDbStoreLog.ChangeStreamLost(logger, ex.Message, ex);
                _listening.TrySetResult();
                // A token the server no longer has makes every resume fail: open afresh after a second failure.
                resumeAfter = lost ? null : resumeAfter;
                lost = true;
                try { await Task.Delay(RetryAfter, cancellationToken).ConfigureAwait(false); }
                catch (OperationCanceledException) { return; }
            }
        }
    }

    private async Task<BsonDocument?> WatchAsync(BsonDocument? resumeAfter, bool recovering, CancellationToken cancellationToken)
    {
        var pipeline = new EmptyPipelineDefinition<ChangeStreamDocument<BsonDocument>>().Match(new BsonDocument("$or", new BsonArray
        {
            new BsonDocument { { "ns.coll", Documents }, { "operationType", new BsonDocument("$in", new BsonArray { "insert", "update", "replace", "delete" }) } },
            new BsonDocument { { "ns.coll", Streams }, { "operationType", "insert" } },
        }));
        var options = new ChangeStreamOptions { FullDocument = ChangeStreamFullDocumentOption.UpdateLookup, ResumeAfter = resumeAfter };
        using var cursor = await database.WatchAsync(pipeline, options, cancellationToken).ConfigureAwait(false);
        _listening.TrySetResult();
        if (recovering && resumeAfter == null) changes.Publish(StoreChange.Everything);
        var token = resumeAfter;
        while (await cursor.MoveNextAsync(cancellationToken).ConfigureAwait(false))
        {
            foreach (var change in cursor.Current)
            {
                changes.Publish(ChangeOf(change));
                token = change.ResumeToken;
            }
        }

        return token;
    }

    private static StoreChange? ChangeOf(ChangeStreamDocument<BsonDocument> change)
    {
        var document = change.FullDocument;
        if (change.CollectionNamespace.CollectionName == Streams)
            return document is null ? null : StoreChanges.OfStream(document[StreamName].AsString);
        // A delete, or an update whose document was gone by the time it was looked up.
        if (document is null) return StoreChange.Everything;
        return StoreChanges.OfDocument(document[Collection].AsString, document[Id].AsString, document[Partition].IsBsonNull ? null : document[Partition].AsString);
    }

    private async Task TickAsync(CancellationToken cancellationToken)
    {
        using var timer = new PeriodicTimer(RetryAfter);
        try
        {
            while (await timer.WaitForNextTickAsync(cancellationToken).ConfigureAwait(false))
                if (changes.HasSubscribers) changes.Publish(StoreChange.Everything);
        }
        catch (OperationCanceledException) { }
    }
}
