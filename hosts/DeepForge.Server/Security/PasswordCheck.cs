using DeepForge.Server.Hosting;
using DeepForge.Identity;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace DeepForge.Server.Security;

/// <summary>Checks a name and password for the sign-in page and for programs alike, counting wrong passwords per address.</summary>
internal sealed class PasswordCheck(People people, SignInLimiter limiter, ILogger<PasswordCheck> logger)
{
    public enum Outcome { SignedIn, Wrong, TooMany }

    public async Task<(Outcome Outcome, PersonRecord? Person)> CheckAsync(HttpContext http, string? name, string? password, CancellationToken cancellationToken)
    {
        var address = http.Connection.RemoteIpAddress?.ToString() ?? "unknown";
        if (limiter.IsBlocked(address))
        {
            ServerLog.SignInRefused(logger, name ?? "", address, "too many wrong passwords");
            return (Outcome.TooMany, null);
        }
        if (await people.CheckPasswordAsync(name ?? "", password ?? "", cancellationToken) is { } person)
        {
            ServerLog.SignedIn(logger, person.Name, address, "password");
            return (Outcome.SignedIn, person);
        }
        limiter.WrongPassword(address);
        ServerLog.SignInRefused(logger, name ?? "", address, "unknown name or wrong password");
        return (Outcome.Wrong, null);
    }

    public const string WrongMessage = "the name or the password is wrong";
    public const string TooManyMessage = "too many wrong passwords from this address: wait a few minutes and try again";
}
