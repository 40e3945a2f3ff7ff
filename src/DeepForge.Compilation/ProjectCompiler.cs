using System.Reflection;
using DeepForge.Compilation.Roslyn;
using DeepForge.Models;

namespace DeepForge.Compilation;

/// <summary>
/// Compiles a project's sources as the engine does (the same global usings and references) for tools that reflect on
/// code as it is typed: the designer's editors, and the command's IDE project, which declares the same usings. Each
/// compile loads into a collectible context of its own, so a tool can drop old versions (<see cref="Unload"/>).
/// </summary>
public static class ProjectCompiler
{
    /// <summary>The global usings every source file of a project is compiled with.</summary>
    public const string GlobalUsings = RoslynCompiler.GlobalUsings;

    /// <summary>
    /// What project code compiles against, the references the engine's compiler uses (the framework and every assembly
    /// loaded in the process: Core, Torch, plugins), for tools that analyse code as it is typed (the designer's completion).
    /// </summary>
    public static IReadOnlyList<Microsoft.CodeAnalysis.MetadataReference> References() => MetadataReferences.Current();

    /// <summary>
    /// Compiles <paramref name="sources"/> into an assembly loaded in a collectible context of its own; the assembly is
    /// null, and the errors say why, when they do not compile.
    /// </summary>
    public static (Assembly? Assembly, IReadOnlyList<Problem> Errors) CompileCollectible(string assemblyName, IReadOnlyList<SourceFile> sources)
    {
        var (image, errors, _) = RoslynCompiler.Emit(RoslynCompiler.Create(assemblyName, sources));
        if (image == null) return (null, errors);
        using var stream = new MemoryStream(image);
        return (new ProjectLoadContext(SourceHasher.Hash(sources)).LoadFromStream(stream), errors);
    }

    /// <summary>
    /// Unloads the context of an assembly <see cref="CompileCollectible"/> gave, and forgets the JSON metadata DeepForge
    /// cached for its types, so the context is freed once nothing else holds its types.
    /// </summary>
    public static void Unload(Assembly assembly) => ProjectLoadContext.Unload(assembly);
}
