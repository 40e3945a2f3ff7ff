using System.Net.Sockets;
using Npgsql;

namespace DeepForge.Storage.PostgreSql;

/// <summary>
/// Which failures mean "the database is not there for us" (down, unreachable, refusing the sign-in, out of
/// connections, stalled past a timeout), and the one line that says so: a person reads it, not a stack trace.
/// Anything else (a bug in a statement, a constraint) is left as it is.
/// </summary>
internal sealed class PostgreSqlFailures(NpgsqlConnectionStringBuilder connection)
{
    private readonly string _where = $"PostgreSQL {connection.Host}{(connection.Port == NpgsqlConnection.DefaultPort ? "" : ":" + connection.Port)}/{connection.Database ?? connection.Username}";

    public DocumentStoreUnavailableException? Translate(Exception exception, CancellationToken cancellationToken)
    {
        if (exception is OperationCanceledException && cancellationToken.IsCancellationRequested)
        {
            return null;
        }

        var reason = Reason(exception);
        return reason is null
            ? null
            : new DocumentStoreUnavailableException($"the store {_where} is unavailable: {reason}. Check that the database runs and the store setting is right, then try again", exception);
    }

    private static string? Reason(Exception exception) => exception switch
    {
        PostgresException { SqlState: "57014" } => "a statement ran past its timeout (Command Timeout)",
        PostgresException p when IsUnavailable(p.SqlState) => $"{p.MessageText} ({p.SqlState})",
        PostgresException => null,
        NpgsqlException { InnerException: TimeoutException } => "it did not answer in time (Timeout)",
        NpgsqlException { InnerException: SocketException socket } => $"{socket.Message.TrimEnd('.')} ({socket.SocketErrorCode})",
        NpgsqlException { InnerException: IOException io } => $"the connection broke ({io.Message.TrimEnd('.')})",
        NpgsqlException n => n.Message.TrimEnd('.'),
        TimeoutException => "it did not answer in time (Timeout)",
        OperationCanceledException { InnerException: TimeoutException } => "it did not answer in time (Command Timeout)",
        _ => null,
    };

    // 08: connection, 28: sign-in, 3D: no such database, 53: out of resources (connections, disk, memory),
    // 57: operator intervention (shut down, restarting).
    private static bool IsUnavailable(string sqlState) =>
        sqlState.StartsWith("08", StringComparison.Ordinal)
        || sqlState.StartsWith("28", StringComparison.Ordinal)
        || sqlState.StartsWith("3D", StringComparison.Ordinal)
        || sqlState.StartsWith("53", StringComparison.Ordinal)
        || sqlState.StartsWith("57", StringComparison.Ordinal);
}
