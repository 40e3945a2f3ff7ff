using System.Security.Claims;

namespace DeepForge.Identity;

/// <summary>Who a request or page acts for, read from its claims (name and role).</summary>
public sealed record SignedInPerson(string Name, PersonRole Role)
{
    /// <summary>An authentication type for a <see cref="Principal"/> made outside an authentication scheme (an embedding app, a test); the server passes its scheme's name instead. Any non-empty type makes the identity count as signed in.</summary>
    public const string AuthenticationType = "deepforge";

    /// <summary>The person <paramref name="user"/> is signed in as, or null when not signed in or without a known role.</summary>
    public static SignedInPerson? Of(ClaimsPrincipal? user)
    {
        if (user?.Identity is not { IsAuthenticated: true, Name: { } name }) return null;
        var role = user.FindFirst(ClaimTypes.Role)?.Value;
        return Enum.TryParse<PersonRole>(role, ignoreCase: true, out var parsed) ? new SignedInPerson(name, parsed) : null;
    }

    /// <summary>A signed-in principal with the name and role claims that <see cref="Of"/> reads back.</summary>
    public static ClaimsPrincipal Principal(string name, PersonRole role, string scheme) =>
        new(new ClaimsIdentity([new Claim(ClaimTypes.Name, name), new Claim(ClaimTypes.Role, PersonRoles.Name(role))], scheme, ClaimTypes.Name, ClaimTypes.Role));

    /// <summary>Whether the person's role is <paramref name="needed"/> or higher.</summary>
    public bool Can(PersonRole needed) => Role >= needed;
}
