using Microsoft.Data.Sqlite;

namespace DeepForge.Storage.Sqlite;

/// <summary>
/// The commands of one connection, built once and reused: Microsoft.Data.Sqlite keeps a command's
/// prepared statements while its text is unchanged, which saves the parse on every call.
/// Parameters are set by position, in the order they are declared here.
/// </summary>
internal sealed class SqliteStatements : IDisposable
{
    private readonly List<SqliteCommand> _all = [];

    public SqliteStatements(SqliteConnection connection)
    {
        Begin = Create(connection, SqliteSql.Begin);
        Commit = Create(connection, SqliteSql.Commit);
        Rollback = Create(connection, SqliteSql.Rollback);
        Get = Create(connection, SqliteSql.Get, "$collection", "$id");
        ListCollection = Create(connection, SqliteSql.ListCollection, "$collection");
        ListPartition = Create(connection, SqliteSql.ListPartition, "$collection", "$partition");
        Upsert = Create(connection, SqliteSql.Upsert, "$collection", "$id", "$partition", "$json");
        InsertNew = Create(connection, SqliteSql.InsertNew, "$collection", "$id", "$partition", "$json");
        ReplaceVersion = Create(connection, SqliteSql.ReplaceVersion, "$collection", "$id", "$partition", "$json", "$expected");
        Delete = Create(connection, SqliteSql.Delete, "$collection", "$id");
        StreamMax = Create(connection, SqliteSql.StreamMax, "$stream");
        StreamInsert = Create(connection, SqliteSql.StreamInsert, "$stream", "$seq", "$text");
        StreamRead = Create(connection, SqliteSql.StreamRead, "$stream", "$after", "$max");
        StreamDeletePrefix = Create(connection, SqliteSql.StreamDeletePrefix, "$prefix");
        DataVersionQuery = Create(connection, "PRAGMA data_version;");
    }

    public SqliteCommand Begin { get; }
    public SqliteCommand Commit { get; }
    public SqliteCommand Rollback { get; }
    public SqliteCommand Get { get; }
    public SqliteCommand ListCollection { get; }
    public SqliteCommand ListPartition { get; }
    public SqliteCommand Upsert { get; }
    public SqliteCommand InsertNew { get; }
    public SqliteCommand ReplaceVersion { get; }
    public SqliteCommand Delete { get; }
    public SqliteCommand StreamMax { get; }
    public SqliteCommand StreamInsert { get; }
    public SqliteCommand StreamRead { get; }
    public SqliteCommand StreamDeletePrefix { get; }
    public SqliteCommand DataVersionQuery { get; }

    /// <summary>SQLite's count of commits by other connections to the file: it moves only when someone else wrote.</summary>
    public long DataVersion() => (long)DataVersionQuery.ExecuteScalar()!;

    public void Dispose()
    {
        foreach (var command in _all)
        {
            command.Dispose();
        }
    }

    private SqliteCommand Create(SqliteConnection connection, string sql, params string[] parameterNames)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var name in parameterNames)
        {
            command.Parameters.Add(new SqliteParameter { ParameterName = name });
        }

        _all.Add(command);
        return command;
    }
}
