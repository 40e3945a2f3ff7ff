using DeepForge.Identity;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace DeepForge.Server.Security;

/// <summary>
/// The designer's cookie: checked against the store on every request, so a person removed or given another role
/// is signed out or changed at once; refusals of API requests are 401/403 problems, pages go to the sign-in page.
/// </summary>
internal sealed class CookieEvents : CookieAuthenticationEvents
{
    public override async Task ValidatePrincipal(CookieValidatePrincipalContext context)
    {
        var people = context.HttpContext.RequestServices.GetRequiredService<People>();
        var name = context.Principal?.Identity?.Name;
        if (name == null || await people.GetAsync(name, context.HttpContext.RequestAborted) is not { } person)
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(AuthSchemes.Cookie);
            return;
        }
        if (SignedInPerson.Of(context.Principal)?.Role != person.Role)
        {
            context.ReplacePrincipal(SignedInPerson.Principal(person.Name, person.Role, AuthSchemes.Cookie));
            context.ShouldRenew = true;
        }
    }

    public override Task RedirectToLogin(RedirectContext<CookieAuthenticationOptions> context)
    {
        if (!WantsPage(context.Request)) return AuthProblems.WriteAsync(context.HttpContext, StatusCodes.Status401Unauthorized, AuthProblems.SignInHint(context.Request));
        context.Response.Redirect("/signin?returnUrl=" + Uri.EscapeDataString(context.Request.PathBase + context.Request.Path + context.Request.QueryString));
        return Task.CompletedTask;
    }

    public override Task RedirectToAccessDenied(RedirectContext<CookieAuthenticationOptions> context) =>
        AuthProblems.WriteAsync(context.HttpContext, StatusCodes.Status403Forbidden, AuthProblems.Forbidden);

    // A browser asking for a page goes to the sign-in page; the API, the designer's connection and scripts get 401.
    private static bool WantsPage(HttpRequest request) =>
        HttpMethods.IsGet(request.Method) && !request.Path.StartsWithSegments("/api") && !request.Path.StartsWithSegments("/_blazor")
        && !request.Path.StartsWithSegments("/openapi");
}
