using DeepForge.Hosting;
using DeepForge.Identity;
using DeepForge.Storage;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace DeepForge.Server.Security;

/// <summary>Registers people, tokens, project access, the cookie and token schemes, and the authorization policies.</summary>
internal static class SecurityServices
{
    public static void Add(IServiceCollection services)
    {
        services.AddDeepForgeIdentity();
        services.AddSingleton<SignInLimiter>();
        services.AddSingleton<PasswordCheck>();
        services.AddSingleton<CookieEvents>();
        services.AddAntiforgery();
        services.AddAuthentication(AuthSchemes.Default)
            .AddPolicyScheme(AuthSchemes.Default, null, o => o.ForwardDefaultSelector = http =>
                http.Request.Headers[HeaderNames.Authorization].ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) ? AuthSchemes.Token : AuthSchemes.Cookie)
            .AddCookie(AuthSchemes.Cookie, o =>
            {
                o.Cookie.Name = AuthSchemes.CookieName;
                o.Cookie.HttpOnly = true;
                o.Cookie.SameSite = Microsoft.AspNetCore.Http.SameSiteMode.Lax;
                o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                o.SlidingExpiration = true;
                o.LoginPath = "/signin";
                o.EventsType = typeof(CookieEvents);
            })
            .AddScheme<AuthenticationSchemeOptions, TokenAuthenticationHandler>(AuthSchemes.Token, null);
        services.AddOptions<CookieAuthenticationOptions>(AuthSchemes.Cookie).Configure<IOptions<DeepForgeServerOptions>>((cookie, server) =>
            cookie.ExpireTimeSpan = server.Value.SignInLifetime);
        services.AddAuthorization(o =>
        {
            // Every endpoint needs a signed-in person unless it says otherwise (sign-in, /health, the runner protocol),
            // so a route added later is covered without anyone remembering. Requests no endpoint answers (the designer's
            // static files, which the sign-in page needs too) pass on to the static files or a 404.
            o.FallbackPolicy = new AuthorizationPolicyBuilder().RequireAssertion(c =>
                c.User.Identity?.IsAuthenticated == true || (c.Resource is HttpContext http && http.GetEndpoint() == null)).Build();
            o.AddPolicy(AuthSchemes.EditorPolicy, p => p.RequireRole(PersonRoles.Name(PersonRole.Editor), PersonRoles.Name(PersonRole.Admin)));
            o.AddPolicy(AuthSchemes.AdminPolicy, p => p.RequireRole(PersonRoles.Name(PersonRole.Admin)));
        });
    }
}
