using System.Security.Claims;

namespace DeepForge.Identity;

/// <summary>Who a request or page acts for, read from its claims (name and role).</summary>
public sealed record SignedInPerson(string Name, PersonRole Role)
{
    public const string AuthenticationType = "deepforge";

    public static SignedInPerson? Of(ClaimsPrincipal? user)
    {
        if (user?.Identity is not { IsAuthenticated: true, Name: { } name }) return null;
        var role = user.FindFirst(ClaimTypes.Role)?.Value;
        return Enum.TryParse<PersonRole>(role, ignoreCase: true, out var parsed) ? new SignedInPerson(name, parsed) : null;
    }

    public static ClaimsPrincipal Principal(string name, PersonRole role, string scheme) =>
        new(new ClaimsIdentity([new Claim(ClaimTypes.Name, name), new Claim(ClaimTypes.Role, PersonRoles.Name(role))], scheme, ClaimTypes.Name, ClaimTypes.Role));

    public bool Can(PersonRole needed) => Role >= needed;
}
