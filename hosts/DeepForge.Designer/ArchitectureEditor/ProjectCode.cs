using System.Collections.Concurrent;
using System.Reflection;
using DeepForge.Compilation;
using DeepForge.Models;

namespace DeepForge.Designer.ArchitectureEditor;

/// <summary>
/// Compiles a project's sources with the engine's compiler so the editors can reflect on its custom layers and
/// data types as they are typed, even code the engine's catalog would refuse. Each compile loads into its own
/// collectible context, kept by source hash for the few most recent; older ones are unloaded.
/// </summary>
internal static class ProjectCode
{
    private const int Kept = 8;

    private static readonly ConcurrentDictionary<string, Lazy<CompiledCode>> Cache = new();
    private static readonly ConcurrentQueue<string> Order = new();

    /// <summary>The compiled sources; <paramref name="edited"/>, when given, stands in for the file of its path (or is added).</summary>
    public static CompiledCode Compile(IReadOnlyList<SourceFile> sources, SourceFile? edited = null)
    {
        var files = With(sources, edited);
        if (files.Count == 0) return CompiledCode.None;
        var key = SourceHasher.Hash(files);
        var entry = Cache.GetOrAdd(key, k =>
        {
            Order.Enqueue(k);
            while (Order.Count > Kept && Order.TryDequeue(out var old))
                if (Cache.TryRemove(old, out var evicted)) Unload(evicted);
            return new Lazy<CompiledCode>(() => Build(k, files));
        });
        return entry.Value;
    }

    /// <summary>The assemblies whose custom layers an architecture of the project may use: its own code, when it has a layer.</summary>
    public static IReadOnlyList<Assembly> LayerAssemblies(ProjectDefinition project) =>
        ProjectSources.CustomLayers(project.Sources).Count == 0 ? [] : Compile(project.Sources).Assemblies;

    public static IReadOnlyList<SourceFile> With(IReadOnlyList<SourceFile> sources, SourceFile? edited)
    {
        var files = sources.ToList();
        if (edited == null) return files;
        var index = files.FindIndex(s => s.Path == edited.Path);
        if (index < 0) files.Add(edited);
        else files[index] = edited;
        return files;
    }

    // The engine's own compiler (same usings and references), but loaded collectibly: the editors compile on every pause in typing.
    private static CompiledCode Build(string key, IReadOnlyList<SourceFile> files)
    {
        var (assembly, errors) = ProjectCompiler.CompileCollectible($"DeepForge.Designer.Project.{key[..16]}", files);
        return new CompiledCode(assembly, errors.Select(e => e.Message).ToList());
    }

    // A collectible context is never freed unless unloaded; pages still showing the evicted code keep it until they let go.
    private static void Unload(Lazy<CompiledCode> evicted)
    {
        if (evicted.IsValueCreated && evicted.Value.Assembly is { } assembly) ProjectCompiler.Unload(assembly);
    }
}
