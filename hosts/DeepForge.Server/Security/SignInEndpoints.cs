using DeepForge.Api;
using DeepForge.Server.Api;
using DeepForge.Identity;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace DeepForge.Server.Security;

/// <summary>
/// /signin (the page and its form), /signout, and for programs POST /api/v1/auth/tokens (name and password in,
/// a personal access token out) and GET /api/v1/auth/me. Forms are checked with ASP.NET Core's antiforgery tokens.
/// </summary>
internal static class SignInEndpoints
{
    public static void Map(IEndpointRouteBuilder app, RouteGroupBuilder api)
    {
        app.MapGet("/signin", Page).AllowAnonymous().ExcludeFromDescription();
        app.MapPost("/signin", SignInAsync).AllowAnonymous().DisableAntiforgery().ExcludeFromDescription();
        app.MapGet("/signout", SignOutPage).AllowAnonymous().ExcludeFromDescription();
        app.MapPost("/signout", SignOutAsync).AllowAnonymous().DisableAntiforgery().ExcludeFromDescription();
        api.MapPost("/auth/tokens", TokenAsync).AllowAnonymous().WithTags("Sign-in")
            .WithSummary("Sign in with a name and password; answers a new personal access token to send as 'Authorization: Bearer'")
            .Accepts<SignInRequest>("application/json").Produces<SignInReply>(StatusCodes.Status201Created)
            .ProducesProblem(StatusCodes.Status401Unauthorized).ProducesProblem(StatusCodes.Status429TooManyRequests);
        api.MapGet("/auth/me", (HttpContext http) => SignedInPerson.Of(http.User) is { } p ? Results.Ok(new PersonView(p.Name, PersonRoles.Name(p.Role))) : Results.Unauthorized())
            .WithTags("Sign-in").WithSummary("Who the request acts for").Produces<PersonView>();
    }

    private static IResult Page(HttpContext http, IAntiforgery antiforgery, string? returnUrl, string? error) =>
        Render(http, antiforgery, returnUrl, error == "token" ? "that sign-in address has been used or has expired: sign in with your name and password" : null, StatusCodes.Status200OK);

    private static IResult Render(HttpContext http, IAntiforgery antiforgery, string? returnUrl, string? message, int status)
    {
        var tokens = antiforgery.GetAndStoreTokens(http);
        http.Response.Headers.CacheControl = "no-store";
        return Results.Content(SignInPage.Html(tokens.FormFieldName, tokens.RequestToken!, LocalUrl(returnUrl), message), "text/html; charset=utf-8", statusCode: status);
    }

    private static async Task<IResult> SignInAsync(HttpContext http, IAntiforgery antiforgery, PasswordCheck check, CancellationToken cancellationToken)
    {
        if (!http.Request.HasFormContentType) return ApiProblems.Create(StatusCodes.Status415UnsupportedMediaType, "Unsupported media type", "send the sign-in form");
        if (!await antiforgery.IsRequestValidAsync(http)) return ApiProblems.BadRequest("the sign-in form has expired: open the sign-in page again");
        var form = await http.Request.ReadFormAsync(cancellationToken);
        var returnUrl = form["returnUrl"].ToString();
        var (outcome, person) = await check.CheckAsync(http, form["name"], form["password"], cancellationToken);
        if (outcome == PasswordCheck.Outcome.TooMany) return Render(http, antiforgery, returnUrl, PasswordCheck.TooManyMessage, StatusCodes.Status429TooManyRequests);
        if (person == null) return Render(http, antiforgery, returnUrl, PasswordCheck.WrongMessage, StatusCodes.Status401Unauthorized);
        await CookieSignIn.SignInAsync(http, person);
        return Results.Redirect(LocalUrl(returnUrl));
    }

    private static IResult SignOutPage(HttpContext http, IAntiforgery antiforgery)
    {
        var tokens = antiforgery.GetAndStoreTokens(http);
        http.Response.Headers.CacheControl = "no-store";
        return Results.Content(SignInPage.SignOutHtml(tokens.FormFieldName, tokens.RequestToken!), "text/html; charset=utf-8");
    }

    private static async Task<IResult> SignOutAsync(HttpContext http, IAntiforgery antiforgery)
    {
        if (!await antiforgery.IsRequestValidAsync(http)) return ApiProblems.BadRequest("the sign-out form has expired: reload the page and try again");
        await http.SignOutAsync(AuthSchemes.Cookie);
        return Results.Redirect("/signin");
    }

    private static async Task<IResult> TokenAsync(HttpContext http, PasswordCheck check, AccessTokens tokens, CancellationToken cancellationToken)
    {
        var (body, problem) = await RequestJson.ReadAsync<SignInRequest>(http.Request, cancellationToken);
        if (problem != null) return problem;
        var (outcome, person) = await check.CheckAsync(http, body!.Name, body.Password, cancellationToken);
        if (outcome == PasswordCheck.Outcome.TooMany) return ApiProblems.Create(StatusCodes.Status429TooManyRequests, "Too many requests", PasswordCheck.TooManyMessage);
        if (person == null) return ApiProblems.Unauthorized(PasswordCheck.WrongMessage);
        var lifetime = body.ExpiresInDays is { } days ? TimeSpan.FromDays(days) : (TimeSpan?)null;
        var (record, token) = await tokens.CreateAsync(person.Name, lifetime, body.Description ?? "deepforge login", cancellationToken);
        return Results.Created("/api/v1/auth/me", new SignInReply(token, record.Id, person.Name, PersonRoles.Name(person.Role), record.ExpiresAt));
    }

    // Only a path on this server: a sign-in must never send the browser elsewhere.
    private static string LocalUrl(string? url) =>
        !string.IsNullOrEmpty(url) && url.StartsWith('/') && !url.StartsWith("//", StringComparison.Ordinal) && !url.StartsWith("/\\", StringComparison.Ordinal) ? url : "/";
}
