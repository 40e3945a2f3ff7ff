using DeepForge.Models;
using DeepForge.Identity;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.Extensions.DependencyInjection;

namespace DeepForge.Designer.Access;

/// <summary>
/// Who is using this circuit, for what the pages offer: viewers get no Execute, Resume, Cancel or re-run. The server
/// lets nobody open the designer without signing in; where no sign-in is known at all (a page rendered outside a
/// circuit, as in component tests, or a host without the server's sign-in) everything is offered.
/// </summary>
internal sealed class DesignerAccess(IServiceProvider services)
{
    public async Task<SignedInPerson?> PersonAsync()
    {
        if (services.GetService<AuthenticationStateProvider>() is not { } provider) return null;
        try
        {
            return SignedInPerson.Of((await provider.GetAuthenticationStateAsync()).User);
        }
        catch (InvalidOperationException)
        {
            return null; // no circuit: nobody signed in through it
        }
    }

    /// <summary>Who this circuit's project edits are recorded as made by: the signed-in person, else the local user.</summary>
    public async Task<string> EditorNameAsync() => (await PersonAsync())?.Name ?? DeepForge.Projects.ProjectEditors.Local;

    /// <summary>The projects the person may see (all of them where no sign-in is known); others' names are not shown.</summary>
    public async Task<IReadOnlyList<ProjectDefinition>> VisibleAsync(IReadOnlyList<ProjectDefinition> projects)
    {
        if (await UserAsync() is not { } user || services.GetService<ProjectAccess>() is not { } access) return projects;
        var visible = (await access.VisibleAsync(user, projects.Select(p => p.Name), default)).ToHashSet(StringComparer.Ordinal);
        return projects.Where(p => visible.Contains(p.Name)).ToList();
    }

    /// <summary>Makes the signed-in person the owner of a project they just made.</summary>
    public async Task ClaimAsync(string project)
    {
        if (await PersonAsync() is { } person && services.GetService<ProjectAccess>() is { } access) await access.SetOwnerAsync(project, person.Name, default);
    }

    private async Task<System.Security.Claims.ClaimsPrincipal?> UserAsync()
    {
        if (services.GetService<AuthenticationStateProvider>() is not { } provider) return null;
        try
        {
            var user = (await provider.GetAuthenticationStateAsync()).User;
            return SignedInPerson.Of(user) == null ? null : user;
        }
        catch (InvalidOperationException)
        {
            return null;
        }
    }

    /// <summary>
    /// What the signed-in person may do with <paramref name="project"/> by <see cref="ProjectAccess"/>'s rule (the one
    /// the REST API's filter uses): null when they may not know it exists; admin where no sign-in is known.
    /// </summary>
    public async Task<PersonRole?> RoleInAsync(string project, CancellationToken cancellationToken)
    {
        if (await UserAsync() is not { } user || services.GetService<ProjectAccess>() is not { } access) return PersonRole.Admin;
        return await access.RoleOfAsync(user, project, cancellationToken);
    }

    /// <summary>Whether the person may read <paramref name="project"/> (see it at all: any role), by the rule of <see cref="RoleInAsync"/>.</summary>
    public async Task<bool> MayReadAsync(string project, CancellationToken cancellationToken) => await RoleInAsync(project, cancellationToken) != null;

    /// <summary>
    /// Throws, before anything of the project is read, the very error a missing project gives when the person may
    /// not see <paramref name="project"/>: a page shows the same "not found" either way, so names do not leak.
    /// </summary>
    public async Task EnsureVisibleAsync(string project, CancellationToken cancellationToken)
    {
        if (await RoleInAsync(project, cancellationToken) == null) throw NotFound(project);
    }

    /// <summary>Throws a <see cref="DeepForgeException"/> saying why unless the person may edit <paramref name="project"/> (editor, owner or admin).</summary>
    public async Task EnsureCanEditAsync(string project, CancellationToken cancellationToken)
    {
        var role = await RoleInAsync(project, cancellationToken);
        if (role == null) throw NotFound(project);
        if (role < PersonRole.Editor)
            throw new DeepForgeException($"project '{project}'", $"you are a viewer of project '{project}': editing needs the editor role (ask its owner or an admin)");
    }

    // Word for word what ProjectService says of a project that does not exist.
    private static DeepForgeException NotFound(string project) => new($"project '{project}'", $"there is no project '{project}'");

    /// <summary>Whether the person may start, cancel and resume runs and edit (editors and admins).</summary>
    public async Task<bool> CanEditAsync() => await PersonAsync() is not { } person || person.Can(PersonRole.Editor);
}
