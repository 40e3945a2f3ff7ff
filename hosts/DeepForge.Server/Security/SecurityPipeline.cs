using DeepForge.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace DeepForge.Server.Security;

/// <summary>The middleware every request passes, in order: the request guard, sign-in (cookie, token, one-time address), authorization.</summary>
internal static class SecurityPipeline
{
    public static void Use(WebApplication app)
    {
        app.UseMiddleware<RequestGuard>();
        app.UseAuthentication();
        if (!app.Services.GetRequiredService<IOptions<DeepForgeServerOptions>>().Value.AuthEnabled) app.UseMiddleware<LocalAdmin>();
        app.UseMiddleware<OneTimeSignIn>();
        app.UseAuthorization();
    }
}
