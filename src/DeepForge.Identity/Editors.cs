using System.Security.Claims;
using DeepForge.Projects;

namespace DeepForge.Identity;

/// <summary>Who a project write is recorded as made by: the signed-in person, or the local user where sign-in is off.</summary>
public static class Editors
{
    /// <summary>The name a write by <paramref name="user"/> is stamped with.</summary>
    public static string Of(ClaimsPrincipal? user) => SignedInPerson.Of(user)?.Name ?? ProjectEditors.Local;
}
