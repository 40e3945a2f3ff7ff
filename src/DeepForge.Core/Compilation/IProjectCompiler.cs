using DeepForge.Catalog;
using DeepForge.Models;

namespace DeepForge.Compilation;

/// <summary>
/// Compiles a project's C# sources and reads its operations from them. Core asks for it and does not carry a compiler:
/// DeepForge.Compilation gives one with Roslyn (<c>df.AddCompilation()</c>), so a process that only loads compiled
/// assemblies from blobs (a worker's job process) needs none.
/// </summary>
public interface IProjectCompiler
{
    /// <summary>
    /// Compiles <paramref name="sources"/> into an assembly named <paramref name="assemblyName"/> with the engine's global
    /// usings and references; the image is null, and the errors say why, when they do not compile.
    /// </summary>
    ProjectImage Compile(string assemblyName, IReadOnlyList<SourceFile> sources, CancellationToken cancellationToken);

    /// <summary>What code each operation depends on (operation type name to its files and libraries), without emitting an assembly.</summary>
    IReadOnlyDictionary<string, OperationCode> ReadOperationCode(string assemblyName, IReadOnlyList<SourceFile> sources, CancellationToken cancellationToken);

    /// <summary>Describes every operation class in the sources, even when some code has errors, and gives every problem of the code.</summary>
    SourceReadResult ReadOperations(IReadOnlyList<SourceFile> sources, CancellationToken cancellationToken);
}
