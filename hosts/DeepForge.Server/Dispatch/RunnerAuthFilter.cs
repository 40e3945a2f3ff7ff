using DeepForge.Runner.Protocol;
using DeepForge.Server.Api;
using DeepForge.Server.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Net.Http.Headers;

namespace DeepForge.Server.Dispatch;

/// <summary>
/// Lets a runner-protocol request through only with a supported protocol version (else 400) and a
/// valid worker token (else 401). It runs before the body is read, so a refused request changes nothing.
/// </summary>
internal sealed class RunnerAuthFilter(WorkerTokens tokens, ILogger<RunnerAuthFilter> logger) : IEndpointFilter
{
    private const string BearerPrefix = "Bearer ";

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        http.Response.Headers[RunnerProtocol.VersionHeader] = RunnerProtocol.Version.ToString();
        if (VersionProblem(http.Request) is { } version) return Refuse(http, StatusCodes.Status400BadRequest, version);
        if (await TokenProblemAsync(http.Request, http.RequestAborted) is { } token)
        {
            http.Response.Headers.WWWAuthenticate = "Bearer realm=\"deepforge-workers\"";
            return Refuse(http, StatusCodes.Status401Unauthorized, token);
        }
        return await next(context);
    }

    private static string? VersionProblem(HttpRequest request)
    {
        var sent = request.Headers[RunnerProtocol.VersionHeader].ToString().Trim();
        if (sent.Length == 0)
            return $"the {RunnerProtocol.VersionHeader} header is missing: every runner request must send it (this server speaks runner protocol {RunnerProtocol.Version})";
        return sent == RunnerProtocol.Version.ToString() ? null
            : $"runner protocol version '{sent}' is not supported: this server speaks version {RunnerProtocol.Version}; update the worker or the server";
    }

    private async Task<string?> TokenProblemAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        var header = request.Headers[HeaderNames.Authorization].ToString();
        if (header.Length == 0)
            return "no worker token: send 'Authorization: Bearer <token>' (make a token with 'deepforge token create --worker')";
        if (!header.StartsWith(BearerPrefix, StringComparison.OrdinalIgnoreCase))
            return "the Authorization header is not a bearer token: send 'Authorization: Bearer <token>'";
        return await tokens.IsValidAsync(header[BearerPrefix.Length..].Trim(), cancellationToken) ? null
            : "the worker token is not valid on this server: make one with 'deepforge token create --worker' on the server's machine";
    }

    private IResult Refuse(HttpContext http, int status, string reason)
    {
        ServerLog.RunnerRefused(logger, http.Request.Path, reason);
        return status == StatusCodes.Status400BadRequest ? ApiProblems.BadRequest(reason) : ApiProblems.Unauthorized(reason);
    }
}
