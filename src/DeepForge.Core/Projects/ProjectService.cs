using System.Text.RegularExpressions;
using DeepForge.Catalog;
using DeepForge.Models;
using DeepForge.Storage;

namespace DeepForge.Projects;

/// <summary>Projects: create from a seed, list, read, save, and the operations they can use.</summary>
public sealed partial class ProjectService
{
    private readonly DeepForgeStore _store;
    private readonly SeedCatalog _seeds;
    private readonly CatalogProvider _catalogs;

    internal ProjectService(DeepForgeStore store, SeedCatalog seeds, CatalogProvider catalogs) => (_store, _seeds, _catalogs) = (store, seeds, catalogs);

    /// <summary>The seeds projects can start from.</summary>
    public IReadOnlyList<SeedInfo> Seeds => _seeds.List();

    /// <summary>Makes a project from a seed; refuses a name already taken.</summary>
    public async Task<ProjectDefinition> CreateAsync(string name, string seed, CancellationToken cancellationToken = default)
    {
        CheckName(name);
        var project = ProjectFolder.Load(_seeds.Find(seed).Directory, name);
        project.Seed = seed;
        if (await _store.Projects.PutAsync(name, null, project, 0, cancellationToken) == null)
            throw new DeepForgeException($"project '{name}'", $"a project named '{name}' already exists");
        return project;
    }

    /// <summary>Every project, by name.</summary>
    public Task<IReadOnlyList<ProjectDefinition>> ListAsync(CancellationToken cancellationToken = default) => _store.Projects.ListAsync(null, cancellationToken);

    /// <summary>The project, or a <see cref="DeepForgeException"/> naming it.</summary>
    public async Task<ProjectDefinition> GetAsync(string name, CancellationToken cancellationToken = default) =>
        (await _store.Projects.GetAsync(name, cancellationToken))?.Value
        ?? throw new DeepForgeException($"project '{name}'", $"there is no project '{name}'");

    /// <summary>Stores a changed project.</summary>
    public async Task SaveAsync(ProjectDefinition project, CancellationToken cancellationToken = default)
    {
        CheckName(project.Name);
        await _store.Projects.PutAsync(project.Name, null, project, null, cancellationToken);
    }

    /// <summary>The operations a project can use (plugins and its own code); code that does not compile gives a <see cref="DeepForgeException"/> naming file, line and column.</summary>
    public async Task<IReadOnlyList<OperationDescriptor>> OperationsAsync(string name, CancellationToken cancellationToken = default)
    {
        var project = await GetAsync(name, cancellationToken);
        var catalog = await _catalogs.ForAsync(project.Sources, cancellationToken);
        return catalog.Operations.Select(o => o.Descriptor).OrderBy(o => o.Category).ThenBy(o => o.Name).ToList();
    }

    /// <summary>The project's operations and data types, for editors; code that does not compile gives a <see cref="DeepForgeException"/> naming file, line and column.</summary>
    public async Task<ProjectCatalog> CatalogAsync(string name, CancellationToken cancellationToken = default)
    {
        var project = await GetAsync(name, cancellationToken);
        return new ProjectCatalog(await _catalogs.ForAsync(project.Sources, cancellationToken));
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
        return SourceOperationReader.Read(sources);
    }

    private static void CheckName(string name)
    {
        if (!NamePattern().IsMatch(name))
            throw new DeepForgeException($"project '{name}'", $"'{name}' is not a project name: use letters, digits, '-', '_' and '.', starting with a letter or digit");
    }

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$")]
    private static partial Regex NamePattern();
}
