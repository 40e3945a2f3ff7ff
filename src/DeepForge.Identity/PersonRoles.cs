namespace DeepForge.Identity;

/// <summary>Roles as people type them (viewer, editor, admin).</summary>
public static class PersonRoles
{
    /// <summary>The role as people type it, lowercase.</summary>
    public static string Name(PersonRole role) => role.ToString().ToLowerInvariant();

    /// <summary>The role named by <paramref name="text"/> (any case); anything else, numbers too, is refused naming <paramref name="where"/>.</summary>
    public static PersonRole Parse(string text, string where) =>
        Enum.TryParse<PersonRole>(text?.Trim(), ignoreCase: true, out var role) && Enum.IsDefined(role) && !int.TryParse(text, out _) ? role
            : throw new DeepForgeException(where, $"'{text}' is not a role: use viewer, editor or admin");

    /// <summary>The lesser of two roles: a person never gets more in a project than their own role allows.</summary>
    public static PersonRole Lower(PersonRole a, PersonRole b) => a < b ? a : b;
}
