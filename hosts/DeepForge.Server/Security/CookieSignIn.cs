using DeepForge.Identity;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http;

namespace DeepForge.Server.Security;

/// <summary>Signs a browser in with the designer's cookie.</summary>
internal static class CookieSignIn
{
    public static Task SignInAsync(HttpContext http, PersonRecord person) =>
        http.SignInAsync(AuthSchemes.Cookie, SignedInPerson.Principal(person.Name, person.Role, AuthSchemes.Cookie),
            new AuthenticationProperties { IsPersistent = true });
}
