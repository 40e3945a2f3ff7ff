using DeepForge.Hosting;
using DeepForge.Server.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace DeepForge.Server.Security;

/// <summary>
/// What every request passes before anything reads it: a Host this server answers for (else 400), an Origin that is
/// this server's own on WebSockets and state-changing requests (else 403), and on the API's state-changing requests a
/// JSON body or the upload type the endpoint declares (else 415). Responses get nosniff, frame-ancestors 'self'
/// and a same-origin referrer policy. It runs after routing (it reads what the endpoint accepts) and before sign-in.
/// </summary>
internal sealed class RequestGuard(RequestDelegate next, IOptions<DeepForgeServerOptions> options, ILogger<RequestGuard> logger)
{
    private readonly AllowedHosts _hosts = new(options.Value);

    public Task InvokeAsync(HttpContext http)
    {
        AddHeaders(http.Response);
        if (!_hosts.Allows(http.Request.Host.Host))
            return Refuse(http, StatusCodes.Status400BadRequest,
                $"this server does not answer for host '{http.Request.Host.Host}': reach it by its address, or add the name to server.allowedHosts on the server");
        if (OriginProblem(http.Request) is { } origin) return Refuse(http, StatusCodes.Status403Forbidden, origin);
        if (ContentTypeProblem(http) is { } type) return Refuse(http, StatusCodes.Status415UnsupportedMediaType, type);
        return next(http);
    }

    private static void AddHeaders(HttpResponse response) => response.OnStarting(() =>
    {
        response.Headers.XContentTypeOptions = "nosniff";
        response.Headers.ContentSecurityPolicy = "frame-ancestors 'self'";
        response.Headers["Referrer-Policy"] = "same-origin";
        response.Headers.XFrameOptions = "SAMEORIGIN";
        return Task.CompletedTask;
    });

    // Browsers send Origin on cross-site requests and WebSockets; a page of another site must not drive this one.
    private static string? OriginProblem(HttpRequest request)
    {
        var origin = request.Headers.Origin.ToString();
        if (origin.Length == 0) return null;
        var changes = !HttpMethods.IsGet(request.Method) && !HttpMethods.IsHead(request.Method) && !HttpMethods.IsOptions(request.Method);
        var websocket = request.Headers.Upgrade.ToString().Contains("websocket", StringComparison.OrdinalIgnoreCase);
        if (!changes && !websocket) return null;
        var own = $"{request.Scheme}://{request.Host}";
        return string.Equals(origin, own, StringComparison.OrdinalIgnoreCase) ? null
            : $"requests from another site ({origin}) are refused: only pages of {own} may send them";
    }

    private static string? ContentTypeProblem(HttpContext http)
    {
        var request = http.Request;
        if (!request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase) || !ChangesState(request)) return null;
        var accepted = http.GetEndpoint()?.Metadata.GetMetadata<IAcceptsMetadata>()?.ContentTypes is { Count: > 0 } declared ? declared : ["application/json"];
        var sent = MediaTypeHeaderValue.TryParse(request.ContentType, out var parsed) ? parsed.MediaType.ToString() : null;
        if (sent != null && accepted.Any(a => string.Equals(a, sent, StringComparison.OrdinalIgnoreCase))) return null;
        return $"the request's Content-Type is {(sent == null ? "missing" : $"'{sent}'")}: send {string.Join(" or ", accepted)} (a request without a body sends {{}} as application/json)";
    }

    // DELETE without a body cannot come from a form or a simple cross-site request; everything else that changes state must say what it sends.
    private static bool ChangesState(HttpRequest request) =>
        HttpMethods.IsPost(request.Method) || HttpMethods.IsPut(request.Method) || HttpMethods.IsPatch(request.Method)
        || (HttpMethods.IsDelete(request.Method) && (request.ContentLength > 0 || request.Headers.TransferEncoding.Count > 0));

    private Task Refuse(HttpContext http, int status, string reason)
    {
        ServerLog.RequestRefused(logger, http.Request.Method, http.Request.Path, reason);
        return AuthProblems.WriteAsync(http, status, reason);
    }
}
