namespace DeepForge.Catalog;

/// <summary>A stored compilation: the assembly blob and the warnings it had.</summary>
internal sealed record CompilationRecord(string AssemblyBlob, List<Problem> Warnings);
