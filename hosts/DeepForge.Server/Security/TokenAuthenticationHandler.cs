using System.Text.Encodings.Web;
using DeepForge.Identity;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace DeepForge.Server.Security;

/// <summary>
/// Signs a request in by its personal access token (<c>Authorization: Bearer dfp_...</c>), as the token's person
/// with that person's current role. Worker tokens sign nobody in: they open only the runner protocol.
/// </summary>
internal sealed class TokenAuthenticationHandler(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder,
    AccessTokens tokens, People people) : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    private const string BearerPrefix = "Bearer ";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var header = Request.Headers[HeaderNames.Authorization].ToString();
        if (!header.StartsWith(BearerPrefix, StringComparison.OrdinalIgnoreCase)) return AuthenticateResult.NoResult();
        var token = header[BearerPrefix.Length..].Trim();
        // Worker tokens are the runner protocol's business (RunnerAuthFilter); here they sign nobody in.
        if (!token.StartsWith(AccessTokens.Prefix, StringComparison.Ordinal)) return AuthenticateResult.NoResult();
        if (await tokens.FindValidAsync(token, Context.RequestAborted) is not { } record)
            return AuthenticateResult.Fail("the token is not valid: it is unknown, revoked or expired");
        if (await people.GetAsync(record.Person, Context.RequestAborted) is not { } person)
            return AuthenticateResult.Fail($"the token's person no longer exists");
        return AuthenticateResult.Success(new AuthenticationTicket(SignedInPerson.Principal(person.Name, person.Role, Scheme.Name), Scheme.Name));
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.Headers.WWWAuthenticate = "Bearer realm=\"deepforge\"";
        return AuthProblems.WriteAsync(Context, 401, AuthProblems.SignInHint(Request));
    }

    protected override Task HandleForbiddenAsync(AuthenticationProperties properties) =>
        AuthProblems.WriteAsync(Context, 403, AuthProblems.Forbidden);
}
