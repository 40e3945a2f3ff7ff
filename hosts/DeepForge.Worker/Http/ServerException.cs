using System.Net;

namespace DeepForge.Worker.Http;

/// <summary>
/// A request to the server did not succeed. <see cref="Transient"/> ones (no connection, a timeout, a
/// 5xx while the server restarts) are retried with backoff; the others need a person (a wrong token, a protocol mismatch).
/// </summary>
internal sealed class ServerException(string message, HttpStatusCode? status, bool transient, Exception? inner = null) : Exception(message, inner)
{
    public HttpStatusCode? Status { get; } = status;

    public bool Transient { get; } = transient;
}
