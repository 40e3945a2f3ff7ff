using System.Net;
using Microsoft.Extensions.Http.Resilience;
using Polly;

namespace DeepForge.Client.Http;

/// <summary>
/// Which failed attempts are sent again. Any request is, when the server never took it: no connection could be made, or
/// the server said it cannot serve now (503, 429). A request that may have done its work before it failed (a 500, 502,
/// 504, 408, or a connection that broke mid-answer) is sent again only when sending it twice does no harm: reads, blob
/// writes by hash, deletes, and the runner protocol's reports, which the lease token fences. Starting an execution is not
/// sent twice on a 500. No space (507) never passes by asking again.
/// </summary>
internal static class RetryRule
{
    /// <summary>Set on a request that sending twice does no harm to, though its method says otherwise (a fenced runner report).</summary>
    public static readonly HttpRequestOptionsKey<bool> Repeatable = new("DeepForge.Repeatable");

    public static bool ShouldRetry(Outcome<HttpResponseMessage> outcome, HttpRequestMessage? request)
    {
        if (outcome.Exception is HttpRequestException { HttpRequestError: HttpRequestError.ConnectionError or HttpRequestError.NameResolutionError }) return true;
        if (outcome.Result is { StatusCode: HttpStatusCode.ServiceUnavailable or HttpStatusCode.TooManyRequests }) return true;
        if (outcome.Result is { StatusCode: HttpStatusCode.InsufficientStorage or HttpStatusCode.NotImplemented }) return false;
        return HttpClientResiliencePredicates.IsTransient(outcome) && request != null && IsRepeatable(request);
    }

    private static bool IsRepeatable(HttpRequestMessage request) =>
        request.Method == HttpMethod.Get || request.Method == HttpMethod.Head || request.Method == HttpMethod.Put || request.Method == HttpMethod.Delete
        || (request.Options.TryGetValue(Repeatable, out var repeatable) && repeatable);
}
