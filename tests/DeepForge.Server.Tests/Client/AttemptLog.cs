using System.Collections.Concurrent;

namespace DeepForge.Server.Tests.Client;

/// <summary>
/// Sits below the client's retry handler and writes down every attempt that reached the wire: its status code, or the
/// exception when no answer came. It changes nothing; it lets a test see that a call was sent more than once.
/// </summary>
internal sealed class AttemptLog : DelegatingHandler
{
    private readonly ConcurrentQueue<string> _attempts = new();

    public IReadOnlyList<string> Attempts => [.. _attempts];

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        try
        {
            var response = await base.SendAsync(request, cancellationToken);
            _attempts.Enqueue($"{request.Method} {(int)response.StatusCode}");
            return response;
        }
        catch (HttpRequestException e)
        {
            _attempts.Enqueue($"{request.Method} {e.HttpRequestError}");
            throw;
        }
    }
}
