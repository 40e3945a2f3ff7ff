using Microsoft.AspNetCore.Http;

namespace DeepForge.Server.Security;

/// <summary>The answers of refused requests, as problem details that say what to do.</summary>
internal static class AuthProblems
{
    public const string Forbidden = "your role does not allow this: ask an admin of this server for a role that does";

    public static string SignInHint(HttpRequest request) =>
        $"sign in first: open {request.Scheme}://{request.Host}/signin in a browser, or run 'deepforge login {request.Scheme}://{request.Host}' and send its token as 'Authorization: Bearer <token>'";

    public static Task WriteAsync(HttpContext http, int status, string detail)
    {
        if (http.Response.HasStarted) return Task.CompletedTask;
        http.Response.StatusCode = status;
        return Results.Problem(detail: detail, statusCode: status, title: ReasonPhrases(status)).ExecuteAsync(http);
    }

    private static string ReasonPhrases(int status) => Microsoft.AspNetCore.WebUtilities.ReasonPhrases.GetReasonPhrase(status);
}
