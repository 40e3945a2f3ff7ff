using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using NpgsqlTypes;

namespace DeepForge.Storage.PostgreSql;

/// <summary>
/// <see cref="IDocumentStore"/> on a PostgreSQL database. Pooled connections, safe for concurrent callers and
/// for any number of processes on the same database: every conditional write is one statement, and the schema is
/// made on first use under an advisory lock. Every write sends a notification naming its change (inside the write's
/// transaction where it has one, right after the statement otherwise), and the change feed listens on one connection
/// per store, so every process on the database hears of every write.
/// </summary>
internal sealed class PostgreSqlDocumentStore : IDocumentStore, IChangeFeed, IAsyncDisposable, IDisposable
{
    private readonly NpgsqlDataSource _dataSource;
    private readonly PostgreSqlFailures _failures;
    private readonly ILogger _logger;
    private readonly SemaphoreSlim _schemaGate = new(1, 1);
    private volatile bool _schemaReady;
    private readonly ChangeBroadcast _changes;
    private readonly PostgreSqlChangeListener _listener;
    private readonly string _channel;

    public PostgreSqlDocumentStore(PostgreSqlStoreOptions options, ILogger<PostgreSqlDocumentStore>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        var connection = options.ValidateAndPrepare();
        _logger = logger ?? NullLogger<PostgreSqlDocumentStore>.Instance;
        _failures = new PostgreSqlFailures(connection);
        _dataSource = NpgsqlDataSource.Create(connection);
        _changes = new ChangeBroadcast(ct => _listener!.StartAsync(ct));
        _channel = PostgreSqlChangeMessages.ChannelOf(connection.SearchPath);
        _listener = new PostgreSqlChangeListener(_dataSource, _channel, _changes, _logger);
    }

    public Task<IDisposable> SubscribeAsync(Action<StoreChange> onChange, CancellationToken cancellationToken = default) =>
        _changes.SubscribeAsync(onChange, cancellationToken);

    public Task InitializeAsync(CancellationToken cancellationToken = default) =>
        RunAsync(static (_, _) => Task.FromResult(true), cancellationToken);

    public Task<StoredDocument?> GetAsync(string collection, string id, CancellationToken cancellationToken = default) =>
        RunAsync((c, ct) => ReadDocumentAsync(c, collection, id, ct), cancellationToken);

    public Task<IReadOnlyList<StoredDocument>> ListAsync(string collection, string? partition, CancellationToken cancellationToken = default) =>
        RunAsync((c, ct) => ReadDocumentsAsync(c, collection, partition, ct), cancellationToken);

    public Task<long?> PutAsync(string collection, string id, string? partition, string json, long? expectedVersion, CancellationToken cancellationToken = default)
    {
        var write = new DocumentWrite(collection, id, partition, json, expectedVersion);
        return RunAsync(async (c, ct) =>
        {
            var version = await WriteAsync(c, null, write, ct).ConfigureAwait(false);
            if (version != null) await NotifyAsync(c, null, StoreChanges.OfDocument(collection, id, partition), ct).ConfigureAwait(false);
            return version;
        }, cancellationToken);
    }

    public Task<bool> PutManyAsync(IReadOnlyList<DocumentWrite> writes, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(writes);
        return writes.Count == 0 ? Task.FromResult(true) : RunAsync((c, ct) => WriteAllAsync(c, writes, ct), cancellationToken);
    }

    public Task<bool> DeleteAsync(string collection, string id, CancellationToken cancellationToken = default) =>
        RunAsync(async (c, ct) =>
        {
            await using var command = Command(c, null, PostgreSqlSql.Delete, ("collection", collection), ("id", id));
            var deleted = await command.ExecuteNonQueryAsync(ct).ConfigureAwait(false) > 0;
            if (deleted) await NotifyAsync(c, null, StoreChanges.OfDocument(collection, id, null), ct).ConfigureAwait(false);
            return deleted;
        }, cancellationToken);

    public Task AppendAsync(string stream, IReadOnlyList<string> entries, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(entries);
        return entries.Count == 0 ? Task.CompletedTask : RunAsync((c, ct) => AppendEntriesAsync(c, stream, entries, ct), cancellationToken);
    }

    public Task<IReadOnlyList<StreamEntry>> ReadStreamAsync(string stream, long afterSequence, int max, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(max);
        return RunAsync((c, ct) => ReadEntriesAsync(c, stream, afterSequence, max, ct), cancellationToken);
    }

    public Task DeleteStreamsAsync(string prefix, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(prefix);
        return RunAsync(async (c, ct) =>
        {
            await using var command = Command(c, null, PostgreSqlSql.StreamDeletePrefix, ("prefix", prefix));
            var deleted = await command.ExecuteNonQueryAsync(ct).ConfigureAwait(false);
            if (deleted > 0) await NotifyAsync(c, null, StoreChanges.OfStream(prefix), ct).ConfigureAwait(false);
            return deleted;
        }, cancellationToken);
    }

    public void Dispose()
    {
        _listener.Dispose();
        _dataSource.Dispose();
        _schemaGate.Dispose();
    }

    public async ValueTask DisposeAsync()
    {
        _listener.Dispose();
        await _dataSource.DisposeAsync().ConfigureAwait(false);
        _schemaGate.Dispose();
    }

    /// <summary>
    /// Runs one operation on a pooled connection, the schema made first when this store has not yet seen it;
    /// a database that cannot be reached or stalls becomes <see cref="DocumentStoreUnavailableException"/>.
    /// </summary>
    private async Task<T> RunAsync<T>(Func<NpgsqlConnection, CancellationToken, Task<T>> work, CancellationToken cancellationToken)
    {
        try
        {
            await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
            if (!_schemaReady)
            {
                await EnsureSchemaAsync(connection, cancellationToken).ConfigureAwait(false);
            }

            return await work(connection, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (_failures.Translate(ex, cancellationToken) is { } unavailable)
        {
            PostgreSqlStoreLog.Unavailable(_logger, unavailable.Message, ex);
            throw unavailable;
        }
    }

    private async Task EnsureSchemaAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        await _schemaGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (_schemaReady)
            {
                return;
            }

            await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
            await using (var command = Command(connection, transaction, PostgreSqlSql.Schema,
                ("lockClass", PostgreSqlSql.LockClass), ("schemaKey", PostgreSqlSql.SchemaLockKey)))
            {
                await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }

            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
            _schemaReady = true;
            PostgreSqlStoreLog.SchemaReady(_logger, connection.Host ?? "", connection.Database);
        }
        finally
        {
            _schemaGate.Release();
        }
    }

    private static async Task<long?> WriteAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction, DocumentWrite write, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(write.Json);
        var sql = write.ExpectedVersion switch
        {
            null => PostgreSqlSql.Upsert,
            0 => PostgreSqlSql.InsertNew,
            _ => PostgreSqlSql.ReplaceVersion,
        };
        await using var command = Command(connection, transaction, sql,
            ("collection", write.Collection), ("id", write.Id), ("partition", write.Partition), ("json", write.Json));
        if (write.ExpectedVersion is > 0)
        {
            command.Parameters.AddWithValue("expected", write.ExpectedVersion.Value);
        }

        return await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) is long version ? version : null;
    }

    // All or none: the first failed condition rolls back the writes before it.
    private async Task<bool> WriteAllAsync(NpgsqlConnection connection, IReadOnlyList<DocumentWrite> writes, CancellationToken cancellationToken)
    {
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        foreach (var write in writes)
        {
            if (await WriteAsync(connection, transaction, write, cancellationToken).ConfigureAwait(false) is null)
            {
                await transaction.RollbackAsync(cancellationToken).ConfigureAwait(false);
                return false;
            }
        }

        // In the transaction: PostgreSQL delivers them at commit, and not at all when it rolls back.
        foreach (var write in writes)
        {
            await NotifyAsync(connection, transaction, StoreChanges.OfDocument(write.Collection, write.Id, write.Partition), cancellationToken).ConfigureAwait(false);
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return true;
    }

    private async Task<bool> AppendEntriesAsync(NpgsqlConnection connection, string stream, IReadOnlyList<string> entries, CancellationToken cancellationToken)
    {
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await using (var locking = Command(connection, transaction, PostgreSqlSql.StreamLock, ("lockClass", PostgreSqlSql.LockClass), ("stream", stream)))
        {
            await locking.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        await using (var append = Command(connection, transaction, PostgreSqlSql.StreamAppend, ("stream", stream)))
        {
            append.Parameters.Add(new NpgsqlParameter("texts", NpgsqlDbType.Array | NpgsqlDbType.Text) { Value = entries.Select(WithoutNul).ToArray() });
            await append.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        await NotifyAsync(connection, transaction, StoreChanges.OfStream(stream), cancellationToken).ConfigureAwait(false);

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return true;
    }

    private async Task NotifyAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction, StoreChange? change, CancellationToken cancellationToken)
    {
        if (change == null) return;
        await using var notify = Command(connection, transaction, PostgreSqlChangeMessages.Notify, ("channel", _channel), ("payload", PostgreSqlChangeMessages.Encode(change)));
        await notify.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    // PostgreSQL's text cannot hold U+0000, which a log line of an operation that prints binary data may have: it
    // becomes U+FFFD, the replacement character, rather than failing the append and with it the run.
    private static string WithoutNul(string text) => text.Contains('\0', StringComparison.Ordinal) ? text.Replace('\0', '\uFFFD') : text;

    private static async Task<StoredDocument?> ReadDocumentAsync(NpgsqlConnection connection, string collection, string id, CancellationToken cancellationToken)
    {
        await using var command = Command(connection, null, PostgreSqlSql.Get, ("collection", collection), ("id", id));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        return await reader.ReadAsync(cancellationToken).ConfigureAwait(false)
            ? new StoredDocument(collection, id, reader.IsDBNull(0) ? null : reader.GetString(0), reader.GetInt64(1), reader.GetString(2))
            : null;
    }

    private static async Task<IReadOnlyList<StoredDocument>> ReadDocumentsAsync(NpgsqlConnection connection, string collection, string? partition, CancellationToken cancellationToken)
    {
        await using var command = partition is null
            ? Command(connection, null, PostgreSqlSql.ListCollection, ("collection", collection))
            : Command(connection, null, PostgreSqlSql.ListPartition, ("collection", collection), ("partition", partition));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var documents = new List<StoredDocument>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            documents.Add(new StoredDocument(
                collection, reader.GetString(0), reader.IsDBNull(1) ? null : reader.GetString(1), reader.GetInt64(2), reader.GetString(3)));
        }

        return documents;
    }

    private static async Task<IReadOnlyList<StreamEntry>> ReadEntriesAsync(NpgsqlConnection connection, string stream, long afterSequence, int max, CancellationToken cancellationToken)
    {
        await using var command = Command(connection, null, PostgreSqlSql.StreamRead, ("stream", stream), ("after", afterSequence), ("max", max));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var entries = new List<StreamEntry>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            entries.Add(new StreamEntry(reader.GetInt64(0), reader.GetString(1)));
        }

        return entries;
    }

    private static NpgsqlCommand Command(NpgsqlConnection connection, NpgsqlTransaction? transaction, string sql, params (string Name, object? Value)[] parameters)
    {
        var command = new NpgsqlCommand(sql, connection, transaction);
        foreach (var (name, value) in parameters)
        {
            // Typed, so a null partition is a null text and not a parameter of unknown type.
            command.Parameters.Add(new NpgsqlParameter(name, value switch
            {
                int => NpgsqlDbType.Integer,
                long => NpgsqlDbType.Bigint,
                _ => NpgsqlDbType.Text,
            }) { Value = value ?? DBNull.Value });
        }

        return command;
    }
}
