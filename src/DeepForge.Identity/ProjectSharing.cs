namespace DeepForge.Identity;

/// <summary>
/// Changing who shares a project, with the checks every caller needs: the person must exist, members are viewers or
/// editors (admins see every project anyway), and the owner keeps the project (cannot be removed or demoted). Who may
/// ask (the owner or an admin) is the caller's to check.
/// </summary>
public sealed class ProjectSharing(ProjectAccess access, People people)
{
    /// <summary>Gives <paramref name="person"/> <paramref name="role"/> in the project, or removes them with null; returns the person's name as stored.</summary>
    public async Task<string> ShareAsync(string project, string person, PersonRole? role, CancellationToken cancellationToken)
    {
        var name = person.Trim();
        if (name.Length == 0) throw new DeepForgeException("person", "say whom to share the project with: the name of a person who signs in here");
        if (await people.GetAsync(name, cancellationToken) is not { } found) throw People.NoPerson(name);
        if (role == PersonRole.Admin)
            throw new DeepForgeException(found.Name, "a project's members are viewers or editors: admins see every project anyway");
        var members = await access.MembersAsync(project, cancellationToken);
        if (string.Equals(members?.Owner, found.Name, StringComparison.OrdinalIgnoreCase))
            throw new DeepForgeException(found.Name, $"{found.Name} owns project '{project}': the owner always keeps it, so cannot be removed or given another role");
        if (role == null && members?.Members.Keys.Any(k => string.Equals(k, found.Name, StringComparison.OrdinalIgnoreCase)) != true)
            throw new DeepForgeException(found.Name, $"{found.Name} is not a member of project '{project}'");
        await access.ShareAsync(project, found.Name, role, cancellationToken);
        return found.Name;
    }

    /// <summary>Whether <paramref name="person"/> may change the project's members: its owner or an admin.</summary>
    public async Task<bool> MayManageAsync(SignedInPerson person, string project, CancellationToken cancellationToken) =>
        person.Role == PersonRole.Admin
        || string.Equals((await access.MembersAsync(project, cancellationToken))?.Owner, person.Name, StringComparison.OrdinalIgnoreCase);
}
