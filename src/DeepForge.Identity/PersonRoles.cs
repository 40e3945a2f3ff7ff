namespace DeepForge.Identity;

/// <summary>Roles as people type them (viewer, editor, admin).</summary>
public static class PersonRoles
{
    public static string Name(PersonRole role) => role.ToString().ToLowerInvariant();

    public static PersonRole Parse(string text, string where) =>
        Enum.TryParse<PersonRole>(text?.Trim(), ignoreCase: true, out var role) && Enum.IsDefined(role) && !int.TryParse(text, out _) ? role
            : throw new DeepForgeException(where, $"'{text}' is not a role: use viewer, editor or admin");

    public static PersonRole Lower(PersonRole a, PersonRole b) => a < b ? a : b;
}
