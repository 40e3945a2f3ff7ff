using System.Net;

namespace DeepForge.Client;

/// <summary>
/// A request to a DeepForge server did not succeed. <see cref="Problem"/> is the server's own one line (the
/// <c>detail</c> of its problem document) when it gave one; <see cref="Transient"/> says whether asking again later may help
/// (no connection, a timeout, a server restarting) or a person must act (a wrong token, bad input).
/// </summary>
public sealed class DeepForgeApiException : Exception
{
    /// <summary>A failure of <paramref name="request"/> (<c>POST api/v1/...</c>), with the server's answer when there was one.</summary>
    public DeepForgeApiException(string request, string message, HttpStatusCode? status, string? problem, bool transient, Exception? inner = null)
        : base(message, inner) => (Request, Status, Problem, Transient) = (request, status, problem, transient);

    /// <summary>The method and path of the request that failed, e.g. <c>POST /api/v1/projects/p/executions</c>.</summary>
    public string Request { get; }

    /// <summary>The server's status code; null when no answer came (no connection, a timeout).</summary>
    public HttpStatusCode? Status { get; }

    /// <summary>The server's problem detail: what was wrong and what to do, in its words. Null when it gave none.</summary>
    public string? Problem { get; }

    /// <summary>True when the same request may succeed later (the server unreachable, restarting or overloaded).</summary>
    public bool Transient { get; }
}
