using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace DeepForge.Storage.Sqlite;

/// <summary>
/// <see cref="IDocumentStore"/> on one SQLite file. One connection per instance, used by one caller at a
/// time; other processes may hold their own connections to the same file, and SQLite's locks (WAL,
/// busy timeout, immediate transactions) keep their writes apart. Its change feed tells this process's writes as
/// they are stored; another process's writes to the same file it can only notice, by SQLite's data version polled
/// every second while anyone listens, and tells as <see cref="StoreChange.Everything"/>.
/// </summary>
internal sealed class SqliteDocumentStore : IDocumentStore, IChangeFeed, IAsyncDisposable, IDisposable
{
    private const int SqliteBusy = 5;
    private const int SqliteLocked = 6;
    private const int SqliteIoError = 10;
    private const int SqliteCantOpen = 14;
    private const int MaxBusyAttempts = 8;

    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly string _databasePath;
    private readonly string _connectionString;
    private readonly ILogger _logger;
    private SqliteConnection? _connection;
    private SqliteStatements? _statements;
    private bool _disposed;
    private readonly ChangeBroadcast _changes;
    private readonly SqliteForeignWrites _foreignWrites;

    public SqliteDocumentStore(SqliteStoreOptions options, ILogger<SqliteDocumentStore>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        _databasePath = options.ValidateAndPrepare();
        _logger = logger ?? NullLogger<SqliteDocumentStore>.Instance;
        _connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = _databasePath,
            Mode = SqliteOpenMode.ReadWriteCreate,
            // The store keeps its one connection open; pooling would only keep the file open after Dispose.
            Pooling = false,
        }.ToString();
        _changes = new ChangeBroadcast(ct => _foreignWrites!.StartAsync(ct));
        _foreignWrites = new SqliteForeignWrites(ct => RunAsync(s => s.DataVersion(), ct), _changes, _logger);
    }

    public Task<IDisposable> SubscribeAsync(Action<StoreChange> onChange, CancellationToken cancellationToken = default) =>
        _changes.SubscribeAsync(onChange, cancellationToken);

    // Opening creates the schema, so every member works on a new file; this just opens early.
    public Task InitializeAsync(CancellationToken cancellationToken = default) =>
        RunAsync(static _ => true, cancellationToken);

    public Task<StoredDocument?> GetAsync(string collection, string id, CancellationToken cancellationToken = default) =>
        RunAsync(s => ReadDocument(s.Get, collection, id), cancellationToken);

    public Task<IReadOnlyList<StoredDocument>> ListAsync(string collection, string? partition, CancellationToken cancellationToken = default) =>
        RunAsync(s => ReadDocuments(s, collection, partition), cancellationToken);

    public async Task<long?> PutAsync(string collection, string id, string? partition, string json, long? expectedVersion, CancellationToken cancellationToken = default)
    {
        var version = await RunAsync(s => Write(s, collection, id, partition, json, expectedVersion), cancellationToken).ConfigureAwait(false);
        if (version != null) _changes.Publish(StoreChanges.OfDocument(collection, id, partition));
        return version;
    }

    public async Task<bool> PutManyAsync(IReadOnlyList<DocumentWrite> writes, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(writes);
        var written = await RunAsync(s => InTransaction(s, () => WriteAll(s, writes)), cancellationToken).ConfigureAwait(false);
        if (written)
        {
            foreach (var write in writes) _changes.Publish(StoreChanges.OfDocument(write.Collection, write.Id, write.Partition));
        }

        return written;
    }

    public async Task<bool> DeleteAsync(string collection, string id, CancellationToken cancellationToken = default)
    {
        var deleted = await RunAsync(s => Execute(s.Delete, collection, id) > 0, cancellationToken).ConfigureAwait(false);
        if (deleted) _changes.Publish(StoreChanges.OfDocument(collection, id, null));
        return deleted;
    }

    public Task AppendAsync(string stream, IReadOnlyList<string> entries, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(entries);
        if (entries.Count == 0)
        {
            return Task.CompletedTask;
        }

        // Reading the current max and inserting after it must be one transaction, or two writers
        // could both number from the same max.
        return AppendAndTellAsync(stream, entries, cancellationToken);
    }

    private async Task AppendAndTellAsync(string stream, IReadOnlyList<string> entries, CancellationToken cancellationToken)
    {
        await RunAsync(s => InTransaction(s, () => AppendEntries(s, stream, entries)), cancellationToken).ConfigureAwait(false);
        _changes.Publish(StoreChanges.OfStream(stream));
    }

    public Task<IReadOnlyList<StreamEntry>> ReadStreamAsync(string stream, long afterSequence, int max, CancellationToken cancellationToken = default)
    {
        // A negative LIMIT means "no limit" to SQLite, the opposite of what a caller would mean.
        ArgumentOutOfRangeException.ThrowIfNegative(max);
        return RunAsync(s => ReadEntries(s.StreamRead, stream, afterSequence, max), cancellationToken);
    }

    public Task DeleteStreamsAsync(string prefix, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(prefix);
        return DeleteStreamsAndTellAsync(prefix, cancellationToken);
    }

    private async Task DeleteStreamsAndTellAsync(string prefix, CancellationToken cancellationToken)
    {
        if (await RunAsync(s => Execute(s.StreamDeletePrefix, prefix), cancellationToken).ConfigureAwait(false) > 0)
            _changes.Publish(StoreChanges.OfStream(prefix));
    }

    public void Dispose()
    {
        _foreignWrites.Dispose();
        _gate.Wait();
        try
        {
            CloseConnection();
        }
        finally
        {
            _gate.Release();
        }
    }

    public async ValueTask DisposeAsync()
    {
        _foreignWrites.Dispose();
        await _gate.WaitAsync().ConfigureAwait(false);
        try
        {
            CloseConnection();
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>
    /// Runs one operation on the connection, alone, retrying when the file stayed locked by another
    /// process beyond the busy timeout. Microsoft.Data.Sqlite's calls are synchronous underneath, so
    /// the work itself runs synchronously: the async signature costs nothing when the gate is free.
    /// </summary>
    private async Task<T> RunAsync<T>(Func<SqliteStatements, T> work, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            for (var attempt = 1; ; attempt++)
            {
                cancellationToken.ThrowIfCancellationRequested();
                try
                {
                    return work(EnsureOpen());
                }
                catch (SqliteException ex) when (IsBusy(ex) && attempt < MaxBusyAttempts)
                {
                    SqliteStoreLog.BusyRetry(_logger, _databasePath, attempt);
                    await Task.Delay(TimeSpan.FromMilliseconds(20 * attempt), cancellationToken).ConfigureAwait(false);
                }
                catch (SqliteException ex) when (Unavailable(ex) is { } reason)
                {
                    // The same type and form of line as the database stores give, so hosts report every store alike.
                    throw new DocumentStoreUnavailableException(
                        $"the store SQLite {_databasePath} is unavailable: {reason}. Check the file and the store setting, then try again", ex);
                }
            }
        }
        finally
        {
            _gate.Release();
        }
    }

    private static bool IsBusy(SqliteException ex) => ex.SqliteErrorCode is SqliteBusy or SqliteLocked;

    private static string? Unavailable(SqliteException ex) => ex.SqliteErrorCode switch
    {
        SqliteBusy or SqliteLocked => $"another process kept it locked past {MaxBusyAttempts} waits",
        SqliteCantOpen => $"it cannot be opened ({ex.Message.TrimEnd('.')})",
        SqliteIoError => $"reading or writing it failed ({ex.Message.TrimEnd('.')})",
        _ => null,
    };

    private SqliteStatements EnsureOpen()
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        return _statements ?? Open();
    }

    private SqliteStatements Open()
    {
        var connection = new SqliteConnection(_connectionString);
        try
        {
            connection.Open();
            ExecuteScript(connection, SqliteSql.Pragmas);
            // Immediate, so two processes creating the schema at once wait for each other.
            ExecuteScript(connection, SqliteSql.Begin + SqliteSql.Schema + SqliteSql.Commit);
        }
        catch
        {
            connection.Dispose();
            throw;
        }

        _connection = connection;
        _statements = new SqliteStatements(connection);
        SqliteStoreLog.Opened(_logger, _databasePath);
        return _statements;
    }

    private static void ExecuteScript(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private void CloseConnection()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        _statements?.Dispose();
        _connection?.Dispose();
        _statements = null;
        _connection = null;
    }

    /// <summary>Runs <paramref name="body"/> in an immediate transaction: commits when it returns true, rolls back otherwise.</summary>
    private static bool InTransaction(SqliteStatements statements, Func<bool> body)
    {
        statements.Begin.ExecuteNonQuery();
        try
        {
            var succeeded = body();
            (succeeded ? statements.Commit : statements.Rollback).ExecuteNonQuery();
            return succeeded;
        }
        catch
        {
            TryRollback(statements);
            throw;
        }
    }

    private static void TryRollback(SqliteStatements statements)
    {
        try
        {
            statements.Rollback.ExecuteNonQuery();
        }
        catch (SqliteException)
        {
            // SQLite may already have rolled back on its own (e.g. after SQLITE_FULL); the original error matters.
        }
    }

    private static long? Write(SqliteStatements statements, string collection, string id, string? partition, string json, long? expectedVersion)
    {
        ArgumentNullException.ThrowIfNull(json);
        var command = expectedVersion switch
        {
            null => statements.Upsert,
            0 => statements.InsertNew,
            _ => statements.ReplaceVersion,
        };
        command.Parameters[0].Value = collection;
        command.Parameters[1].Value = id;
        command.Parameters[2].Value = (object?)partition ?? DBNull.Value;
        command.Parameters[3].Value = json;
        if (command == statements.ReplaceVersion)
        {
            command.Parameters[4].Value = expectedVersion!.Value;
        }

        return command.ExecuteScalar() is long version ? version : null;
    }

    // Stops at the first failed condition; InTransaction then rolls back the writes before it.
    private static bool WriteAll(SqliteStatements statements, IReadOnlyList<DocumentWrite> writes)
    {
        foreach (var write in writes)
        {
            if (Write(statements, write.Collection, write.Id, write.Partition, write.Json, write.ExpectedVersion) is null)
            {
                return false;
            }
        }

        return true;
    }

    private static bool AppendEntries(SqliteStatements statements, string stream, IReadOnlyList<string> entries)
    {
        statements.StreamMax.Parameters[0].Value = stream;
        var sequence = (long)statements.StreamMax.ExecuteScalar()!;
        var insert = statements.StreamInsert;
        insert.Parameters[0].Value = stream;
        foreach (var entry in entries)
        {
            insert.Parameters[1].Value = ++sequence;
            insert.Parameters[2].Value = entry;
            insert.ExecuteNonQuery();
        }

        return true;
    }

    private static int Execute(SqliteCommand command, params string[] values)
    {
        for (var i = 0; i < values.Length; i++)
        {
            command.Parameters[i].Value = values[i];
        }

        return command.ExecuteNonQuery();
    }

    private static StoredDocument? ReadDocument(SqliteCommand command, string collection, string id)
    {
        command.Parameters[0].Value = collection;
        command.Parameters[1].Value = id;
        using var reader = command.ExecuteReader();
        return reader.Read()
            ? new StoredDocument(collection, id, reader.IsDBNull(0) ? null : reader.GetString(0), reader.GetInt64(1), reader.GetString(2))
            : null;
    }

    private static IReadOnlyList<StoredDocument> ReadDocuments(SqliteStatements statements, string collection, string? partition)
    {
        var command = partition is null ? statements.ListCollection : statements.ListPartition;
        command.Parameters[0].Value = collection;
        if (partition is not null)
        {
            command.Parameters[1].Value = partition;
        }

        var documents = new List<StoredDocument>();
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            documents.Add(new StoredDocument(
                collection, reader.GetString(0), reader.IsDBNull(1) ? null : reader.GetString(1), reader.GetInt64(2), reader.GetString(3)));
        }

        return documents;
    }

    private static IReadOnlyList<StreamEntry> ReadEntries(SqliteCommand command, string stream, long afterSequence, int max)
    {
        command.Parameters[0].Value = stream;
        command.Parameters[1].Value = afterSequence;
        command.Parameters[2].Value = max;
        var entries = new List<StreamEntry>();
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            entries.Add(new StreamEntry(reader.GetInt64(0), reader.GetString(1)));
        }

        return entries;
    }
}
