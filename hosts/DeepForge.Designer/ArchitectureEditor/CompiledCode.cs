using System.Reflection;

namespace DeepForge.Designer.ArchitectureEditor;

/// <summary>A project's sources compiled for the editors: the assembly (null when the code has errors) and every error.</summary>
internal sealed record CompiledCode(Assembly? Assembly, IReadOnlyList<string> Errors)
{
    public static readonly CompiledCode None = new(null, []);

    public IReadOnlyList<Assembly> Assemblies => Assembly is { } a ? [a] : [];
}
