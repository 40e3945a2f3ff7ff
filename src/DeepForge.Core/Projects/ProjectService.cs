using System.Text.RegularExpressions;
using DeepForge.Catalog;
using DeepForge.Compilation;
using DeepForge.Models;
using DeepForge.Storage;

namespace DeepForge.Projects;

/// <summary>Projects: create from a seed, list, read, save, and the operations they can use.</summary>
public sealed partial class ProjectService
{
    private readonly DeepForgeStore _store;
    private readonly SeedCatalog _seeds;
    private readonly CatalogProvider _catalogs;
    private readonly IProjectCompiler? _compiler;

    internal ProjectService(DeepForgeStore store, SeedCatalog seeds, CatalogProvider catalogs, IProjectCompiler? compiler) =>
        (_store, _seeds, _catalogs, _compiler) = (store, seeds, catalogs, compiler);

    /// <summary>The seeds projects can start from.</summary>
    public IReadOnlyList<SeedInfo> Seeds => _seeds.List();

    /// <summary>Makes a project from a seed, recorded as made by the local user; refuses a name already taken.</summary>
    public Task<ProjectDefinition> CreateAsync(string name, string seed, CancellationToken cancellationToken = default) =>
        CreateAsync(name, seed, ProjectEditors.Local, cancellationToken);

    /// <summary>Makes a project from a seed, recorded as made by <paramref name="editor"/>; refuses a name already taken.</summary>
    public async Task<ProjectDefinition> CreateAsync(string name, string seed, string editor, CancellationToken cancellationToken = default)
    {
        CheckName(name);
        var project = ProjectFolder.Load(_seeds.Find(seed).Directory, name);
        project.Seed = seed;
        project.Version = 0;
        if (!(await TrySaveAsync(project, editor, cancellationToken)).Saved)
            throw new DeepForgeException($"project '{name}'", $"a project named '{name}' already exists");
        return project;
    }

    /// <summary>Every project, by name, each with its <see cref="ProjectDefinition.Version"/>.</summary>
    public async Task<IReadOnlyList<ProjectDefinition>> ListAsync(CancellationToken cancellationToken = default) =>
        (await _store.Projects.ListVersionedAsync(null, cancellationToken)).Select(WithVersion).ToList();

    /// <summary>The project with its <see cref="ProjectDefinition.Version"/>, or a <see cref="DeepForgeException"/> naming it.</summary>
    public async Task<ProjectDefinition> GetAsync(string name, CancellationToken cancellationToken = default) =>
        await FindAsync(name, cancellationToken) ?? throw new DeepForgeException($"project '{name}'", $"there is no project '{name}'");

    /// <summary>The project with its <see cref="ProjectDefinition.Version"/>, or null when there is none.</summary>
    public async Task<ProjectDefinition?> FindAsync(string name, CancellationToken cancellationToken = default) =>
        await _store.Projects.GetAsync(name, cancellationToken) is { } found ? WithVersion(found) : null;

    /// <summary>
    /// The one write of a project, a compare-and-set on <see cref="ProjectDefinition.Version"/>: version 0 stores it only
    /// when no project of that name exists; version n only when the stored version is still n. On success the project's
    /// version is the new one. Every path that changes projects (REST API, designer, command) comes here, so no writer
    /// silently overwrites another's change, also when several servers share one store. A project with unsafe source
    /// paths, names that are not file names or malformed node ids is refused with a <see cref="DeepForgeException"/>
    /// (<see cref="ProjectShape"/>); code that does not compile is stored, as work in progress. The write is recorded as
    /// made by the local user (<see cref="ProjectEditors.Local"/>).
    /// </summary>
    public Task<ProjectWriteResult> TrySaveAsync(ProjectDefinition project, CancellationToken cancellationToken = default) =>
        TrySaveAsync(project, ProjectEditors.Local, cancellationToken);

    /// <summary>
    /// <see cref="TrySaveAsync(ProjectDefinition, CancellationToken)"/>, recorded as made by <paramref name="editor"/>: the
    /// project's <see cref="ProjectDefinition.LastEdit"/>, the <see cref="ProjectDefinition.ObjectEdits"/> of what it changes
    /// and a <see cref="ProjectDefinition.History"/> line each. Those records are carried over from the stored version, so
    /// what the writer sends in them is ignored.
    /// </summary>
    public async Task<ProjectWriteResult> TrySaveAsync(ProjectDefinition project, string editor, CancellationToken cancellationToken = default)
    {
        CheckName(project.Name);
        if (project.Version < 0) throw new DeepForgeException($"project '{project.Name}'", $"version {project.Version} is not a version: versions start at 1 (0 for a new project)");
        ProjectShape.Check(project);
        ProjectDefinition? stored = null;
        if (project.Version > 0)
        {
            // The version replaced, to see what this write changes; a copy already overtaken would be refused by the store anyway.
            var current = await _store.Projects.GetAsync(project.Name, cancellationToken);
            if (current == null || current.Version != project.Version) return new ProjectWriteResult(false, current?.Version ?? 0);
            stored = current.Value;
        }
        EditRecords.Keep(stored, project, editor, DateTimeOffset.UtcNow);
        if (await _store.Projects.PutAsync(project.Name, null, project, project.Version, cancellationToken) is { } written)
        {
            project.Version = written;
            return new ProjectWriteResult(true, written);
        }
        return new ProjectWriteResult(false, (await _store.Projects.GetAsync(project.Name, cancellationToken))?.Version ?? 0);
    }

    /// <summary>
    /// Stores a project by <see cref="TrySaveAsync(ProjectDefinition, CancellationToken)"/>; a <see cref="DeepForgeException"/> says what to do when another
    /// change came first (read the project again and apply the change to that).
    /// </summary>
    public Task SaveAsync(ProjectDefinition project, CancellationToken cancellationToken = default) => SaveAsync(project, ProjectEditors.Local, cancellationToken);

    /// <summary><see cref="SaveAsync(ProjectDefinition, CancellationToken)"/>, recorded as made by <paramref name="editor"/>.</summary>
    public async Task SaveAsync(ProjectDefinition project, string editor, CancellationToken cancellationToken = default)
    {
        var expected = project.Version;
        var result = await TrySaveAsync(project, editor, cancellationToken);
        if (!result.Saved) throw new DeepForgeException($"project '{project.Name}'", ProjectVersions.Refusal(project.Name, expected, result.Version));
    }

    /// <summary>
    /// Applies <paramref name="change"/> to the newest stored version and stores it by compare-and-set, starting again on
    /// the newer version when another writer came between (so small edits from several people all land). The change may
    /// run more than once and must only change the project it is given; it returns false when there is nothing to store.
    /// Returns the project as stored (or as read, when the change stored nothing). Recorded as made by the local user.
    /// </summary>
    public Task<ProjectDefinition> UpdateAsync(string name, Func<ProjectDefinition, bool> change, CancellationToken cancellationToken = default) =>
        UpdateAsync(name, change, ProjectEditors.Local, cancellationToken);

    /// <summary><see cref="UpdateAsync(string, Func{ProjectDefinition, bool}, CancellationToken)"/>, recorded as made by <paramref name="editor"/>.</summary>
    public async Task<ProjectDefinition> UpdateAsync(string name, Func<ProjectDefinition, bool> change, string editor, CancellationToken cancellationToken = default)
    {
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var latest = await GetAsync(name, cancellationToken);
            if (!change(latest) || (await TrySaveAsync(latest, editor, cancellationToken)).Saved) return latest;
        }
    }

    /// <summary>The operations a project can use (plugins and its own code); code that does not compile gives a <see cref="DeepForgeException"/> naming file, line and column.</summary>
    public async Task<IReadOnlyList<OperationDescriptor>> OperationsAsync(string name, CancellationToken cancellationToken = default)
    {
        var project = await GetAsync(name, cancellationToken);
        using var lease = await _catalogs.ForAsync(project.Sources, cancellationToken);
        return lease.Catalog.Operations.Select(o => o.Descriptor).OrderBy(o => o.Category).ThenBy(o => o.Name).ToList();
    }

    /// <summary>The project's operations and data types, for editors; code that does not compile gives a <see cref="DeepForgeException"/> naming file, line and column.</summary>
    public async Task<ProjectCatalog> CatalogAsync(string name, CancellationToken cancellationToken = default)
    {
        var project = await GetAsync(name, cancellationToken);
        // Editors keep what they read for as long as a page is open; that keeps the code loaded, the lease only while reading it.
        using var lease = await _catalogs.ForAsync(project.Sources, cancellationToken);
        return new ProjectCatalog(lease.Catalog);
    }

    /// <summary>
    /// Reads the interface of each operation in the project's code from source, without compiling it to an
    /// assembly and even when some code has errors: what the operation editor shows as the code is typed.
    /// <paramref name="edited"/>, when given, stands in for the stored file of its path (or is added).
    /// Problems are compile errors and warnings and analysis warnings such as <c>DF0001</c> (an input never used).
    /// </summary>
    public async Task<SourceReadResult> ReadOperationsAsync(string name, SourceFile? edited = null, CancellationToken cancellationToken = default)
    {
        var sources = (await GetAsync(name, cancellationToken)).Sources.ToList();
        if (edited != null)
        {
            var index = sources.FindIndex(s => s.Path == edited.Path);
            if (index < 0) sources.Add(edited);
            else sources[index] = edited;
        }
        return MissingCompiler.Require(_compiler).ReadOperations(sources, cancellationToken);
    }

    private static ProjectDefinition WithVersion(Versioned<ProjectDefinition> stored)
    {
        stored.Value.Version = stored.Version;
        return stored.Value;
    }

    private static void CheckName(string name)
    {
        if (!NamePattern().IsMatch(name))
            throw new DeepForgeException($"project '{name}'", $"'{name}' is not a project name: use letters, digits, '-', '_' and '.', starting with a letter or digit");
    }

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$")]
    private static partial Regex NamePattern();
}
