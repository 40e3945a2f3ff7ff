using System.Collections.Concurrent;
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
/// source hash. The compiled assembly is kept as a blob so later processes (and workers) load it
/// without compiling again.
/// </summary>
internal sealed class CatalogProvider(PluginRegistry plugins, IBlobStore blobs, IDocumentStore store)
{
    private const string CompilationsCollection = "compilations";
    private readonly ConcurrentDictionary<string, Lazy<Task<OperationCatalog>>> _catalogs = new();

    public async Task<OperationCatalog> ForAsync(IReadOnlyList<SourceFile> sources, CancellationToken cancellationToken)
    {
        var key = CompilationKey(SourceHasher.Hash(sources));
        // The build is shared by every caller, so one caller's cancellation must not end (and poison) it: each caller only stops waiting.
        var lazy = _catalogs.GetOrAdd(key, k => new Lazy<Task<OperationCatalog>>(() => BuildAsync(k, sources, CancellationToken.None)));
        try
        {
            var catalog = await lazy.Value.WaitAsync(cancellationToken);
            // Runs find the project's code by its blob; hand them this same load so types stay one identity in the process.
            if (catalog.ProjectAssemblyBlob is { } blob)
                _catalogs.TryAdd($"blob:{blob}", new Lazy<Task<OperationCatalog>>(Task.FromResult(catalog)));
            return catalog;
        }
        catch when (lazy.Value.IsFaulted || lazy.Value.IsCanceled)
        {
            // A failed build (code that does not compile) is not remembered: the next call compiles again.
            _catalogs.TryRemove(new(key, lazy));
            throw;
        }
    }

    /// <summary>The catalog of a compiled project assembly stored as a blob (how a worker loads project code).</summary>
    public Task<OperationCatalog> ForAssemblyBlobAsync(string sourceHash, string assemblyBlob, CancellationToken cancellationToken) =>
        _catalogs.GetOrAdd($"blob:{assemblyBlob}", _ => new Lazy<Task<OperationCatalog>>(() =>
            Task.FromResult(Create(LoadAssembly(sourceHash, assemblyBlob), [])))).Value;

    private async Task<OperationCatalog> BuildAsync(string key, IReadOnlyList<SourceFile> sources, CancellationToken cancellationToken)
    {
        if (sources.Count == 0) return Create(null, []);
        var sourceHash = SourceHasher.Hash(sources);
        var assemblyName = $"DeepForge.Project.{sourceHash[..16]}";
        var stored = await store.GetAsync(CompilationsCollection, key, cancellationToken);
        if (stored != null)
        {
            var record = Json.Deserialize<CompilationRecord>(stored.Json);
            if (blobs.Exists(record.AssemblyBlob))
            {
                if (record.OperationCode == null)
                {
                    // Stored before operations were cached by their own code: read it once now and keep it with the record.
                    record = record with { OperationCode = OperationCodeReader.Read(RoslynCompiler.Create(assemblyName, sources)) };
                    await store.PutAsync(CompilationsCollection, key, null, Json.Serialize(record), null, cancellationToken);
                }
                return Create(LoadAssembly(sourceHash, record.AssemblyBlob), record.Warnings, record.AssemblyBlob, record.OperationCode);
            }
        }
        var compilation = RoslynCompiler.Create(assemblyName, sources);
        var (image, errors, warnings) = RoslynCompiler.Emit(compilation);
        if (image == null) throw new DeepForgeException(errors);
        var operationCode = OperationCodeReader.Read(compilation);
        var blob = await blobs.PutAsync(new MemoryStream(image), cancellationToken: cancellationToken);
        await store.PutAsync(CompilationsCollection, key, null, Json.Serialize(new CompilationRecord(blob.Hash, warnings.ToList(), operationCode)), null, cancellationToken);
        return Create(LoadAssembly(sourceHash, blob.Hash), warnings, blob.Hash, operationCode);
    }

    private OperationCatalog Create(PluginAssembly? project, IReadOnlyList<Problem> warnings, string? assemblyBlob = null,
        IReadOnlyDictionary<string, OperationCode>? operationCode = null)
    {
        var assemblies = plugins.Assemblies.AsEnumerable();
        if (project != null) assemblies = assemblies.Append(project);
        return new OperationCatalog(assemblies, warnings)
        {
            ProjectAssemblyBlob = assemblyBlob, SourceHash = project?.CodeHash,
            OperationCode = operationCode ?? new Dictionary<string, OperationCode>(),
        };
    }

    private PluginAssembly LoadAssembly(string sourceHash, string assemblyBlob)
    {
        using var stream = blobs.OpenRead(assemblyBlob);
        var assembly = new ProjectLoadContext(sourceHash).LoadFromStream(stream);
        return new PluginAssembly("project", assembly) { CodeHash = sourceHash };
    }

    private string CompilationKey(string sourceHash)
    {
        var pluginIds = string.Join(",", plugins.Assemblies.Select(a => a.CodeHash).Order(StringComparer.Ordinal));
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"{sourceHash}|{pluginIds}")));
    }
}
