using DeepForge.Server.Hosting;
using DeepForge.Identity;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Extensions;
using Microsoft.Extensions.Logging;

namespace DeepForge.Server.Security;

/// <summary>
/// Opening a designer address with <c>?token=</c> (the one <c>deepforge start</c> prints) spends the token, signs the
/// browser in with the cookie and sends it on to the same address without the token, which is then of no use to anyone.
/// </summary>
internal sealed class OneTimeSignIn(RequestDelegate next, SignInTokens tokens, People people, ILogger<OneTimeSignIn> logger)
{
    public async Task InvokeAsync(HttpContext http)
    {
        var request = http.Request;
        if (!HttpMethods.IsGet(request.Method) || !request.Query.TryGetValue("token", out var token) || request.Path.StartsWithSegments("/api"))
        {
            await next(http);
            return;
        }
        var name = await tokens.SpendAsync(token.ToString(), http.RequestAborted);
        if (name == null || await people.GetAsync(name, http.RequestAborted) is not { } person)
        {
            http.Response.Redirect("/signin?error=token");
            return;
        }
        await CookieSignIn.SignInAsync(http, person);
        ServerLog.SignedIn(logger, person.Name, http.Connection.RemoteIpAddress?.ToString() ?? "unknown", "one-time address");
        var rest = new QueryBuilder(request.Query.Where(q => q.Key != "token").SelectMany(q => q.Value.Select(v => KeyValuePair.Create(q.Key, v ?? ""))));
        http.Response.Headers.CacheControl = "no-store";
        http.Response.Redirect(request.PathBase + request.Path + rest.ToQueryString());
    }
}
