using DeepForge.Identity;
using Microsoft.AspNetCore.Http;

namespace DeepForge.Server.Security;

/// <summary>With sign-in turned off (auth.enabled false, loopback only), every request acts as the local admin.</summary>
internal sealed class LocalAdmin(RequestDelegate next)
{
    public const string Name = "local";

    public Task InvokeAsync(HttpContext http)
    {
        if (http.User.Identity?.IsAuthenticated != true) http.User = SignedInPerson.Principal(Name, PersonRole.Admin, "local");
        return next(http);
    }
}
