using System.Security.Cryptography;
using System.Text;
using DeepForge.Blobs;
using DeepForge.Compilation;
using DeepForge.Data;
using DeepForge.Models;
using DeepForge.Plugins;
using DeepForge.Storage;

namespace DeepForge.Catalog;

/// <summary>
/// Gives the catalog of a project's code: plugins plus the project's sources, compiled once per
/// (source hash, plugin set). The compiled assembly is kept as a blob so later processes (and workers) load it
/// without compiling again. Each loaded version lives in its own collectible context (<see cref="LoadedCatalogs"/>).
/// A provider with no store (a worker's, which runs jobs from blobs only) loads compiled assemblies
/// (<see cref="ForAssemblyBlobAsync"/>) and plugins, and refuses to compile sources. Compiling takes the
/// <see cref="IProjectCompiler"/> given (DeepForge.Compilation's); with none, project code is refused in one line naming it.
/// </summary>
public sealed class CatalogProvider(PluginRegistry plugins, IBlobStore blobs, IDocumentStore? store,
    int loadedVersions = CatalogProvider.DefaultLoadedVersions, IProjectCompiler? compiler = null)
{
    /// <summary>How many versions of project code stay loaded when nothing uses them, unless configured.</summary>
    public const int DefaultLoadedVersions = 16;

    private const string CompilationsCollection = "compilations";
    private readonly LoadedCatalogs _loaded = new(loadedVersions);

    /// <summary>
    /// Whether catalogs read an operation only when it is asked for by name (and whole only when anything else is asked), for a
    /// process that runs one operation and exits, a worker's job process: reading every plugin's operations was the largest part of
    /// such a process's CPU. Off by default: a process that serves many (a server, a designer) reads each catalog once, whole.
    /// </summary>
    public bool ReadsOperationsOnDemand { get; init; }

    /// <summary>How many catalogs are loaded now: those in use plus at most the configured number of others.</summary>
    public int LoadedCount => _loaded.Count;

    /// <summary>
    /// Leases the catalog of plugins plus these sources, compiling them once per (source hash, plugin set). Keep the
    /// lease while using the catalog's types (validating, running); dispose it after, so old versions can unload.
    /// </summary>
    public async Task<CatalogLease> ForAsync(IReadOnlyList<SourceFile> sources, CancellationToken cancellationToken)
    {
        var key = CompilationKey(SourceHasher.Hash(sources));
        var lease = await _loaded.LeaseAsync(key, () => BuildAsync(key, sources, CancellationToken.None), cancellationToken);
        // Runs find the project's code by its blob; hand them this same load so types stay one identity in the process.
        if (lease.Catalog.ProjectAssemblyBlob is { } blob) _loaded.AddAlias(key, BlobKey(blob));
        return lease;
    }

    /// <summary>Leases the catalog of a compiled project assembly stored as a blob (how runs and workers load project code).</summary>
    public Task<CatalogLease> ForAssemblyBlobAsync(string sourceHash, string assemblyBlob, CancellationToken cancellationToken) =>
        _loaded.LeaseAsync(BlobKey(assemblyBlob), async () => Create(await LoadAssemblyAsync(sourceHash, assemblyBlob, CancellationToken.None), []), cancellationToken);

    private static string BlobKey(string assemblyBlob) => $"blob:{assemblyBlob}";

    private async Task<OperationCatalog> BuildAsync(string key, IReadOnlyList<SourceFile> sources, CancellationToken cancellationToken)
    {
        if (sources.Count == 0) return Create(null, []);
        var sourceHash = SourceHasher.Hash(sources);
        var assemblyName = $"DeepForge.Project.{sourceHash[..16]}";
        var documents = store ?? throw new InvalidOperationException(
            "this catalog provider has no store: it loads project code from compiled assembly blobs only, it does not compile sources");
        var stored = await documents.GetAsync(CompilationsCollection, key, cancellationToken);
        if (stored != null)
        {
            var record = Json.Deserialize<CompilationRecord>(stored.Json);
            if (await blobs.ExistsAsync(record.AssemblyBlob, cancellationToken))
            {
                if (record.OperationCode == null)
                {
                    // Stored before operations were cached by their own code: read it once now and keep it with the record.
                    var code = MissingCompiler.Require(compiler).ReadOperationCode(assemblyName, sources, cancellationToken);
                    record = record with { OperationCode = code.ToDictionary(StringComparer.Ordinal) };
                    await documents.PutAsync(CompilationsCollection, key, null, Json.Serialize(record), null, cancellationToken);
                }
                return Create(await LoadAssemblyAsync(sourceHash, record.AssemblyBlob, cancellationToken), record.Warnings, record.AssemblyBlob, record.OperationCode);
            }
        }
        var (image, errors, warnings, operationCode) = MissingCompiler.Require(compiler).Compile(assemblyName, sources, cancellationToken);
        if (image == null) throw new DeepForgeException(errors);
        var blob = await blobs.PutAsync(new MemoryStream(image), cancellationToken: cancellationToken);
        var compiled = new CompilationRecord(blob.Hash, warnings.ToList(), operationCode.ToDictionary(StringComparer.Ordinal));
        await documents.PutAsync(CompilationsCollection, key, null, Json.Serialize(compiled), null, cancellationToken);
        return Create(await LoadAssemblyAsync(sourceHash, blob.Hash, cancellationToken), warnings, blob.Hash, operationCode);
    }

    private OperationCatalog Create(PluginAssembly? project, IReadOnlyList<Problem> warnings, string? assemblyBlob = null,
        IReadOnlyDictionary<string, OperationCode>? operationCode = null)
    {
        var assemblies = plugins.Assemblies.AsEnumerable();
        if (project != null) assemblies = assemblies.Append(project);
        return new OperationCatalog(assemblies, warnings, onDemand: ReadsOperationsOnDemand)
        {
            ProjectContext = project == null ? null : System.Runtime.Loader.AssemblyLoadContext.GetLoadContext(project.Assembly),
            ProjectAssemblyBlob = assemblyBlob, SourceHash = project?.CodeHash,
            OperationCode = operationCode ?? new Dictionary<string, OperationCode>(),
        };
    }

    private async Task<PluginAssembly> LoadAssemblyAsync(string sourceHash, string assemblyBlob, CancellationToken cancellationToken)
    {
        await using var stream = await blobs.OpenReadAsync(assemblyBlob, cancellationToken);
        var assembly = new ProjectLoadContext(sourceHash).LoadFromStream(stream);
        return new PluginAssembly("project", assembly) { CodeHash = sourceHash };
    }

    private string CompilationKey(string sourceHash)
    {
        var pluginIds = string.Join(",", plugins.Assemblies.Select(a => a.CodeHash).Order(StringComparer.Ordinal));
        // "pdb": compilations stored before debug information was embedded are compiled again, so their stacks name lines too.
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"{sourceHash}|{pluginIds}|pdb")));
    }
}
