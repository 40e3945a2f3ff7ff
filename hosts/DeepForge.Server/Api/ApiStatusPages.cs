using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;

namespace DeepForge.Server.Api;

/// <summary>
/// Every error answer under /api has a problem body, also those no endpoint writes: a route that does not exist (404), a
/// method a route does not take (405), a body type it does not read (415), a request ASP.NET Core refused while binding (400).
/// </summary>
internal static class ApiStatusPages
{
    public static void Use(WebApplication app) =>
        app.UseWhen(c => c.Request.Path.StartsWithSegments("/api"), branch => branch.UseStatusCodePages(WriteAsync));

    private static Task WriteAsync(StatusCodeContext context)
    {
        var http = context.HttpContext;
        var status = http.Response.StatusCode;
        var where = $"{http.Request.Method} {http.Request.Path}";
        var detail = status switch
        {
            StatusCodes.Status404NotFound => $"{where}: there is no such API route or resource (the API is described at /openapi/v1.json)",
            StatusCodes.Status405MethodNotAllowed => $"{where}: this route does not take {http.Request.Method} (the API is described at /openapi/v1.json)",
            StatusCodes.Status415UnsupportedMediaType => $"{where}: send the body as application/json",
            StatusCodes.Status400BadRequest => $"{where}: the request is not one this route takes (check the route's values and query against /openapi/v1.json)",
            _ => $"{where}: {ReasonPhrases.GetReasonPhrase(status)}",
        };
        return ApiProblems.Create(status, ReasonPhrases.GetReasonPhrase(status), detail).ExecuteAsync(http);
    }
}
