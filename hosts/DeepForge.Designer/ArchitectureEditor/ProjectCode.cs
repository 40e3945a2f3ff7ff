using System.Collections.Concurrent;
using System.Reflection;
using System.Runtime.Loader;
using System.Security.Cryptography;
using System.Text;
using DeepForge.Models;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Text;

namespace DeepForge.Designer.ArchitectureEditor;

/// <summary>
/// Compiles a project's sources in the designer's process so the editors can reflect on its custom layers
/// and data types as they are typed (the engine's compiler is internal to DeepForge.Core and keeps only code
/// that compiles). Same global usings and references as the engine's, so code that compiles here compiles there.
/// Each compile loads into its own collectible context, kept by source hash for the few most recent.
/// </summary>
internal static class ProjectCode
{
    private const int Kept = 8;
    private const string GlobalUsings = """
        global using System;
        global using System.Collections.Generic;
        global using System.IO;
        global using System.Linq;
        global using System.Threading;
        global using System.Threading.Tasks;
        global using DeepForge.Operations;
        global using DeepForge.Feedback;
        """;

    private static readonly ConcurrentDictionary<string, Lazy<CompiledCode>> Cache = new();
    private static readonly ConcurrentQueue<string> Order = new();

    /// <summary>The compiled sources; <paramref name="edited"/>, when given, stands in for the file of its path (or is added).</summary>
    public static CompiledCode Compile(IReadOnlyList<SourceFile> sources, SourceFile? edited = null)
    {
        var files = With(sources, edited);
        if (files.Count == 0) return CompiledCode.None;
        var key = Hash(files);
        var entry = Cache.GetOrAdd(key, k =>
        {
            Order.Enqueue(k);
            while (Order.Count > Kept && Order.TryDequeue(out var old)) Cache.TryRemove(old, out _);
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

    private static CompiledCode Build(string key, IReadOnlyList<SourceFile> files)
    {
        var options = new CSharpParseOptions(LanguageVersion.Latest);
        var trees = files.Select(s => CSharpSyntaxTree.ParseText(SourceText.From(s.Text, Encoding.UTF8), options, s.Path))
            .Append(CSharpSyntaxTree.ParseText(GlobalUsings, options, "<global usings>"));
        var compilation = CSharpCompilation.Create($"DeepForge.Designer.Project.{key[..16]}", trees, References(),
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable, concurrentBuild: false));
        using var stream = new MemoryStream();
        var emitted = compilation.Emit(stream);
        var errors = emitted.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).Select(Describe).ToList();
        if (!emitted.Success) return new CompiledCode(null, errors);
        stream.Position = 0;
        return new CompiledCode(new SharedContext(key).LoadFromStream(stream), errors);
    }

    private static string Describe(Diagnostic diagnostic)
    {
        var span = diagnostic.Location.GetLineSpan();
        var where = span.IsValid ? $"{span.Path}({span.StartLinePosition.Line + 1},{span.StartLinePosition.Character + 1})" : "project";
        return $"{where}: error {diagnostic.Id}: {diagnostic.GetMessage()}";
    }

    private static List<MetadataReference> References()
    {
        var trusted = ((string?)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries);
        var loaded = AppDomain.CurrentDomain.GetAssemblies().Where(a => !a.IsDynamic && !string.IsNullOrEmpty(a.Location)).Select(a => a.Location);
        var byName = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var path in trusted.Concat(loaded)) byName.TryAdd(Path.GetFileName(path), path);
        return byName.Values.Select(p => (MetadataReference)MetadataReference.CreateFromFile(p)).ToList();
    }

    private static string Hash(IReadOnlyList<SourceFile> files)
    {
        var text = string.Join("\0", files.OrderBy(f => f.Path, StringComparer.Ordinal).Select(f => $"{f.Path}\0{f.Text}"));
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
    }

    /// <summary>Resolves every dependency to what the process already loaded, so TorchSharp and DeepForge types stay one identity.</summary>
    private sealed class SharedContext(string key) : AssemblyLoadContext($"designer-{key[..12]}", isCollectible: true)
    {
        protected override Assembly? Load(AssemblyName assemblyName) =>
            AppDomain.CurrentDomain.GetAssemblies()
                .FirstOrDefault(a => !a.IsDynamic && AssemblyName.ReferenceMatchesDefinition(assemblyName, a.GetName()));
    }
}
