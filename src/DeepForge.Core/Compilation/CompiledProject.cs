using System.Reflection;

namespace DeepForge.Compilation;

/// <summary>A project's sources compiled into one assembly, loaded and ready to reflect on.</summary>
internal sealed record CompiledProject(string SourceHash, Assembly? Assembly, string? AssemblyBlob, IReadOnlyList<Problem> Warnings);
