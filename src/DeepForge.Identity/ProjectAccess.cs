using System.Security.Claims;
using DeepForge.Data;
using DeepForge.Storage;

namespace DeepForge.Identity;

/// <summary>
/// Who may do what with a project. Admins may do anything with every project; anyone else only with projects they
/// own or are a member of, and never more than their own role allows (a viewer shared a project as an editor still
/// only reads). A project nobody owns (made on this machine without a server) is seen by admins only until shared.
/// </summary>
public sealed class ProjectAccess(IDocumentStore store)
{
    private readonly Lazy<Task> _initialized = new(() => store.InitializeAsync());

    /// <summary>What <paramref name="user"/> may do with <paramref name="project"/>; null when they may not even know it exists.</summary>
    public async Task<PersonRole?> RoleOfAsync(ClaimsPrincipal user, string project, CancellationToken cancellationToken)
    {
        if (SignedInPerson.Of(user) is not { } person) return null;
        if (person.Role == PersonRole.Admin) return PersonRole.Admin;
        var members = await MembersAsync(project, cancellationToken);
        return RoleIn(members, person);
    }

    /// <summary>Those of <paramref name="projects"/> that <paramref name="user"/> may see, so a list never shows a project they may not know exists.</summary>
    public async Task<IReadOnlyList<string>> VisibleAsync(ClaimsPrincipal user, IEnumerable<string> projects, CancellationToken cancellationToken)
    {
        if (SignedInPerson.Of(user) is not { } person) return [];
        if (person.Role == PersonRole.Admin) return projects.ToList();
        var all = (await AllAsync(cancellationToken)).ToDictionary(m => m.Project, StringComparer.Ordinal);
        return projects.Where(p => RoleIn(all.GetValueOrDefault(p), person) != null).ToList();
    }

    /// <summary>The owner and members of <paramref name="project"/>, or null when it was never owned or shared.</summary>
    public async Task<ProjectMembersRecord?> MembersAsync(string project, CancellationToken cancellationToken)
    {
        await _initialized.Value.WaitAsync(cancellationToken);
        return await store.GetAsync(IdentityCollections.ProjectMembers, project, cancellationToken) is { } doc ? Json.Deserialize<ProjectMembersRecord>(doc.Json) : null;
    }

    /// <summary>Makes <paramref name="owner"/> the owner of a new project (kept when the project already has one).</summary>
    public Task SetOwnerAsync(string project, string owner, CancellationToken cancellationToken) =>
        UpdateAsync(project, m => m.Owner == null ? m with { Owner = owner } : m, cancellationToken);

    /// <summary>Gives <paramref name="person"/> a role in the project, or takes it away with null.</summary>
    public Task ShareAsync(string project, string person, PersonRole? role, CancellationToken cancellationToken) =>
        UpdateAsync(project, m =>
        {
            var members = new Dictionary<string, PersonRole>(m.Members, StringComparer.OrdinalIgnoreCase);
            if (role is { } r) members[person] = r;
            else members.Remove(person);
            return m with { Members = members };
        }, cancellationToken);

    private async Task<IReadOnlyList<ProjectMembersRecord>> AllAsync(CancellationToken cancellationToken)
    {
        await _initialized.Value.WaitAsync(cancellationToken);
        return (await store.ListAsync(IdentityCollections.ProjectMembers, null, cancellationToken)).Select(d => Json.Deserialize<ProjectMembersRecord>(d.Json)).ToList();
    }

    private async Task UpdateAsync(string project, Func<ProjectMembersRecord, ProjectMembersRecord> change, CancellationToken cancellationToken)
    {
        await _initialized.Value.WaitAsync(cancellationToken);
        for (var attempt = 0; attempt < 10; attempt++)
        {
            var doc = await store.GetAsync(IdentityCollections.ProjectMembers, project, cancellationToken);
            var current = doc == null ? new ProjectMembersRecord(project, null, []) : Json.Deserialize<ProjectMembersRecord>(doc.Json);
            if (await store.PutAsync(IdentityCollections.ProjectMembers, project, null, Json.Serialize(change(current)), doc?.Version ?? 0, cancellationToken) != null) return;
        }
        throw new DeepForgeException(project, $"the members of project '{project}' kept changing: try again");
    }

    private static PersonRole? RoleIn(ProjectMembersRecord? members, SignedInPerson person)
    {
        if (members == null) return null;
        if (string.Equals(members.Owner, person.Name, StringComparison.OrdinalIgnoreCase)) return PersonRoles.Lower(person.Role, PersonRole.Editor);
        return members.Members.FirstOrDefault(m => string.Equals(m.Key, person.Name, StringComparison.OrdinalIgnoreCase)) is { Key: not null } member
            ? PersonRoles.Lower(person.Role, member.Value) : null;
    }
}
