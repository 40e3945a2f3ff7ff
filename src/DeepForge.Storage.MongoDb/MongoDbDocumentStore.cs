using System.Text;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using MongoDB.Bson;
using MongoDB.Driver;
using static DeepForge.Storage.MongoDb.MongoDbFields;

namespace DeepForge.Storage.MongoDb;

/// <summary>
/// <see cref="IDocumentStore"/> on a MongoDB database: one BSON document per stored document (its JSON kept as a
/// string, so it comes back exactly as written) and one per stream entry. Compare-and-set is a filtered update on
/// the version; <see cref="PutManyAsync"/> is a transaction, so the deployment must be a replica set or sharded.
/// Its change feed is a change stream on its collections (<see cref="MongoDbChangeListener"/>).
/// </summary>
internal sealed class MongoDbDocumentStore : IDocumentStore, IChangeFeed, IDisposable
{
    private const int DuplicateKey = 11000;
    private const int MaxTransactionAttempts = 5;
    private static readonly FilterDefinitionBuilder<BsonDocument> Filter = Builders<BsonDocument>.Filter;
    private static readonly UpdateDefinitionBuilder<BsonDocument> Update = Builders<BsonDocument>.Update;

    private readonly MongoClient _client;
    private readonly IMongoCollection<BsonDocument> _documents;
    private readonly IMongoCollection<BsonDocument> _streams;
    private readonly IMongoDatabase _database;
    private readonly MongoDbFailures _failures;
    private readonly ILogger _logger;
    private readonly SemaphoreSlim _readyGate = new(1, 1);
    private volatile bool _ready;
    private readonly ChangeBroadcast _changes;
    private readonly MongoDbChangeListener _listener;

    public MongoDbDocumentStore(MongoDbStoreOptions options, ILogger<MongoDbDocumentStore>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        var url = options.ValidateAndPrepare();
        _logger = logger ?? NullLogger<MongoDbDocumentStore>.Instance;
        _failures = new MongoDbFailures(url);
        _client = new MongoClient(url);
        _database = _client.GetDatabase(url.DatabaseName ?? MongoDbStoreOptions.DefaultDatabase);
        _documents = _database.GetCollection<BsonDocument>(Documents);
        _streams = _database.GetCollection<BsonDocument>(Streams);
        _changes = new ChangeBroadcast(async ct =>
        {
            await InitializeAsync(ct).ConfigureAwait(false);
            await _listener!.StartAsync(ct).ConfigureAwait(false);
        });
        _listener = new MongoDbChangeListener(_database, _changes, _logger);
    }

    public Task<IDisposable> SubscribeAsync(Action<StoreChange> onChange, CancellationToken cancellationToken = default) =>
        _changes.SubscribeAsync(onChange, cancellationToken);

    public Task InitializeAsync(CancellationToken cancellationToken = default) =>
        RunAsync(static _ => Task.FromResult(true), cancellationToken);

    public Task<StoredDocument?> GetAsync(string collection, string id, CancellationToken cancellationToken = default) =>
        RunAsync(async ct =>
        {
            var found = await _documents.Find(Key(collection, id)).FirstOrDefaultAsync(ct).ConfigureAwait(false);
            return found is null ? null : ToStored(found);
        }, cancellationToken);

    public Task<IReadOnlyList<StoredDocument>> ListAsync(string collection, string? partition, CancellationToken cancellationToken = default) =>
        RunAsync<IReadOnlyList<StoredDocument>>(async ct =>
        {
            var filter = Filter.Eq(Collection, collection);
            if (partition is not null)
            {
                filter &= Filter.Eq(Partition, partition);
            }

            var found = await _documents.Find(filter).Sort(Builders<BsonDocument>.Sort.Ascending(Id)).ToListAsync(ct).ConfigureAwait(false);
            return found.Select(ToStored).ToList();
        }, cancellationToken);

    public Task<long?> PutAsync(string collection, string id, string? partition, string json, long? expectedVersion, CancellationToken cancellationToken = default)
    {
        var write = new DocumentWrite(collection, id, partition, json, expectedVersion);
        return RunAsync(ct => WriteAsync(null, write, ct), cancellationToken);
    }

    public Task<bool> PutManyAsync(IReadOnlyList<DocumentWrite> writes, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(writes);
        return writes.Count == 0 ? Task.FromResult(true) : RunAsync(ct => WriteAllAsync(writes, ct), cancellationToken);
    }

    public async Task<bool> DeleteAsync(string collection, string id, CancellationToken cancellationToken = default)
    {
        var deleted = await RunAsync(async ct => (await _documents.DeleteOneAsync(Key(collection, id), ct).ConfigureAwait(false)).DeletedCount > 0, cancellationToken)
            .ConfigureAwait(false);
        // The change stream names a delete only by MongoDB's key (other processes hear Everything); this one can say what it deleted.
        if (deleted) _changes.Publish(StoreChanges.OfDocument(collection, id, null));
        return deleted;
    }

    public Task AppendAsync(string stream, IReadOnlyList<string> entries, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(entries);
        return entries.Count == 0 ? Task.CompletedTask : RunAsync(ct => AppendEntriesAsync(stream, entries, ct), cancellationToken);
    }

    public Task<IReadOnlyList<StreamEntry>> ReadStreamAsync(string stream, long afterSequence, int max, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(max);
        return RunAsync<IReadOnlyList<StreamEntry>>(async ct =>
        {
            // Limit(0) means "no limit" to MongoDB, the opposite of what a caller would mean.
            if (max == 0)
            {
                return [];
            }

            var found = await _streams.Find(Filter.Eq(StreamName, stream) & Filter.Gt(Sequence, afterSequence))
                .Sort(Builders<BsonDocument>.Sort.Ascending(Sequence)).Limit(max).ToListAsync(ct).ConfigureAwait(false);
            return found.Select(e => new StreamEntry(e[Sequence].AsInt64, e[Text].AsString)).ToList();
        }, cancellationToken);
    }

    public Task DeleteStreamsAsync(string prefix, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(prefix);
        return RunAsync(ct => _streams.DeleteManyAsync(Filter.Regex(StreamName, new BsonRegularExpression(PrefixPattern(prefix))), ct), cancellationToken);
    }

    public void Dispose()
    {
        _listener.Dispose();
        _client.Dispose();
        _readyGate.Dispose();
    }

    // An anchored regex with every ASCII punctuation escaped: a backslash before a non-alphanumeric character is
    // always literal in MongoDB's PCRE, and an anchored literal prefix is served by the (stream, sequence) index.
    private static string PrefixPattern(string prefix)
    {
        var pattern = new StringBuilder("^", prefix.Length * 2 + 1);
        foreach (var c in prefix)
        {
            if (c < 128 && !char.IsAsciiLetterOrDigit(c))
            {
                pattern.Append('\\');
            }

            pattern.Append(c);
        }

        return pattern.ToString();
    }

    /// <summary>
    /// Runs one operation, the indexes made and the deployment checked first when this store has not yet done so;
    /// a deployment that cannot be reached or stalls becomes <see cref="DocumentStoreUnavailableException"/>.
    /// </summary>
    private async Task<T> RunAsync<T>(Func<CancellationToken, Task<T>> work, CancellationToken cancellationToken)
    {
        try
        {
            if (!_ready)
            {
                await EnsureReadyAsync(cancellationToken).ConfigureAwait(false);
            }

            return await work(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (_failures.Translate(ex, cancellationToken) is { } unavailable)
        {
            MongoDbStoreLog.Unavailable(_logger, unavailable.Message, ex);
            throw unavailable;
        }
    }

    private async Task EnsureReadyAsync(CancellationToken cancellationToken)
    {
        await _readyGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (_ready)
            {
                return;
            }

            var transactions = await HasTransactionsAsync(cancellationToken).ConfigureAwait(false);
            if (!transactions)
            {
                // Refused at once rather than at the first PutMany: writing several documents all or none is what
                // keeps a run's state whole, and a standalone server cannot do it.
                throw new DocumentStoreUnavailableException(
                    $"the store {_failures.Where} is a standalone MongoDB server, which has no transactions: DeepForge writes several "
                    + "documents at once in one. Run it as a replica set (one member is enough: mongod --replSet rs0, then rs.initiate()) "
                    + "and add ?replicaSet=rs0 to the URI");
            }

            await MongoDbIndexes.CreateAsync(_documents, _streams, cancellationToken).ConfigureAwait(false);
            _ready = true;
            MongoDbStoreLog.Ready(_logger, _failures.Where, transactions);
        }
        finally
        {
            _readyGate.Release();
        }
    }

    // A replica set member says its set's name; a mongos says it is one. Neither means a standalone server.
    private async Task<bool> HasTransactionsAsync(CancellationToken cancellationToken)
    {
        var hello = await _database.RunCommandAsync<BsonDocument>(new BsonDocument("hello", 1), cancellationToken: cancellationToken).ConfigureAwait(false);
        return hello.Contains("setName") || (hello.TryGetValue("msg", out var msg) && msg == "isdbgrid");
    }

    // Two transactions that touch one document conflict, and MongoDB aborts one of them with a label that says
    // running it again is safe; it runs again (its conditions are checked afresh), a few times at most.
    private async Task<bool> WriteAllAsync(IReadOnlyList<DocumentWrite> writes, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await WriteAllOnceAsync(writes, cancellationToken).ConfigureAwait(false);
            }
            catch (MongoException ex) when (ex.HasErrorLabel("TransientTransactionError") && attempt < MaxTransactionAttempts)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(10 * attempt), cancellationToken).ConfigureAwait(false);
            }
        }
    }

    private async Task<bool> WriteAllOnceAsync(IReadOnlyList<DocumentWrite> writes, CancellationToken cancellationToken)
    {
        using var session = await _client.StartSessionAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
        session.StartTransaction();
        foreach (var write in writes)
        {
            if (await WriteAsync(session, write, cancellationToken).ConfigureAwait(false) is null)
            {
                await session.AbortTransactionAsync(cancellationToken).ConfigureAwait(false);
                return false;
            }
        }

        await session.CommitTransactionAsync(cancellationToken).ConfigureAwait(false);
        return true;
    }

    private Task<long?> WriteAsync(IClientSessionHandle? session, DocumentWrite write, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(write.Json);
        return write.ExpectedVersion switch
        {
            null => UpsertAsync(session, write, cancellationToken),
            0 => InsertNewAsync(session, write, cancellationToken),
            _ => ReplaceVersionAsync(session, write, write.ExpectedVersion.Value, cancellationToken),
        };
    }

    private async Task<long?> UpsertAsync(IClientSessionHandle? session, DocumentWrite write, CancellationToken cancellationToken)
    {
        var update = Update.Set(Partition, Nullable(write.Partition)).Set(Json, write.Json).Inc(VersionField, 1L);
        var options = new FindOneAndUpdateOptions<BsonDocument> { IsUpsert = true, ReturnDocument = ReturnDocument.After };
        var key = Key(write.Collection, write.Id);
        var after = session is null
            ? await _documents.FindOneAndUpdateAsync(key, update, options, cancellationToken).ConfigureAwait(false)
            : await _documents.FindOneAndUpdateAsync(session, key, update, options, cancellationToken).ConfigureAwait(false);
        return after[VersionField].ToInt64();
    }

    private async Task<long?> InsertNewAsync(IClientSessionHandle? session, DocumentWrite write, CancellationToken cancellationToken)
    {
        var document = new BsonDocument
        {
            { Collection, write.Collection },
            { Id, write.Id },
            { Partition, Nullable(write.Partition) },
            { VersionField, 1L },
            { Json, write.Json },
        };
        try
        {
            if (session is null)
            {
                await _documents.InsertOneAsync(document, cancellationToken: cancellationToken).ConfigureAwait(false);
            }
            else
            {
                await _documents.InsertOneAsync(session, document, cancellationToken: cancellationToken).ConfigureAwait(false);
            }

            return 1;
        }
        catch (MongoWriteException ex) when (ex.WriteError?.Code == DuplicateKey)
        {
            return null;
        }
    }

    private async Task<long?> ReplaceVersionAsync(IClientSessionHandle? session, DocumentWrite write, long expected, CancellationToken cancellationToken)
    {
        var filter = Key(write.Collection, write.Id) & Filter.Eq(VersionField, expected);
        var update = Update.Set(Partition, Nullable(write.Partition)).Set(Json, write.Json).Inc(VersionField, 1L);
        var result = session is null
            ? await _documents.UpdateOneAsync(filter, update, cancellationToken: cancellationToken).ConfigureAwait(false)
            : await _documents.UpdateOneAsync(session, filter, update, cancellationToken: cancellationToken).ConfigureAwait(false);
        return result.MatchedCount == 1 ? expected + 1 : null;
    }

    /// <summary>
    /// Numbers the entries after the stream's last one and inserts them in order; the unique (stream, sequence)
    /// index refuses a number a rival took meanwhile, and the entries not yet written are numbered again after it.
    /// An entry is only ever inserted after the one before it exists, so a reader never sees a gap.
    /// </summary>
    private async Task<bool> AppendEntriesAsync(string stream, IReadOnlyList<string> entries, CancellationToken cancellationToken)
    {
        var remaining = entries.ToList();
        while (remaining.Count > 0)
        {
            var last = await LastSequenceAsync(stream, cancellationToken).ConfigureAwait(false);
            var batch = remaining.Select((text, i) => new BsonDocument { { StreamName, stream }, { Sequence, last + 1 + i }, { Text, text } }).ToList();
            try
            {
                await _streams.InsertManyAsync(batch, new InsertManyOptions { IsOrdered = true }, cancellationToken).ConfigureAwait(false);
                remaining.Clear();
            }
            catch (MongoBulkWriteException<BsonDocument> ex) when (ex.WriteErrors.All(e => e.Code == DuplicateKey))
            {
                // Ordered: the entries before the first refused one are written; the rest go again.
                remaining.RemoveRange(0, ex.WriteErrors.Min(e => e.Index));
            }
        }

        return true;
    }

    private async Task<long> LastSequenceAsync(string stream, CancellationToken cancellationToken)
    {
        var last = await _streams.Find(Filter.Eq(StreamName, stream))
            .Sort(Builders<BsonDocument>.Sort.Descending(Sequence)).Limit(1).FirstOrDefaultAsync(cancellationToken).ConfigureAwait(false);
        return last is null ? 0 : last[Sequence].AsInt64;
    }

    private static FilterDefinition<BsonDocument> Key(string collection, string id) => Filter.Eq(Collection, collection) & Filter.Eq(Id, id);

    private static BsonValue Nullable(string? value) => value is null ? BsonNull.Value : new BsonString(value);

    private static StoredDocument ToStored(BsonDocument document) => new(
        document[Collection].AsString,
        document[Id].AsString,
        document[Partition].IsBsonNull ? null : document[Partition].AsString,
        document[VersionField].ToInt64(),
        document[Json].AsString);
}
