using MongoDB.Driver;

namespace DeepForge.Storage.MongoDb;

/// <summary>
/// Which failures mean "the deployment is not there for us" (down, unreachable, refusing the sign-in, stalled past
/// a timeout), and the one line that says so. Anything else (a bug in a query) is left as it is.
/// </summary>
internal sealed class MongoDbFailures(MongoUrl url)
{
    private readonly string _where = $"MongoDB {string.Join(',', url.Servers.Select(s => s.ToString()))}/{url.DatabaseName ?? MongoDbStoreOptions.DefaultDatabase}";

    public string Where => _where;

    public DocumentStoreUnavailableException? Translate(Exception exception, CancellationToken cancellationToken)
    {
        if (exception is OperationCanceledException && cancellationToken.IsCancellationRequested)
        {
            return null;
        }

        var reason = exception switch
        {
            MongoAuthenticationException e => $"the sign-in was refused ({e.Message.TrimEnd('.')})",
            MongoExecutionTimeoutException => "a command ran past its time limit",
            MongoConnectionException e => $"the connection failed ({e.Message.TrimEnd('.')})",
            TimeoutException => "no server answered in time (serverSelectionTimeoutMS)",
            MongoClientException { Message: var m } when m.Contains("timed out", StringComparison.OrdinalIgnoreCase) => m.TrimEnd('.'),
            _ => null,
        };
        return reason is null
            ? null
            : new DocumentStoreUnavailableException($"the store {_where} is unavailable: {reason}. Check that the deployment runs and the store setting is right, then try again", exception);
    }
}
