using System.Reflection;
using DeepForge.Models;

namespace DeepForge.Operations;

/// <summary>A reference to an architecture of the project, handed to an operation's constructor.</summary>
public sealed class Architecture
{
    /// <summary>Makes a reference; <paramref name="library"/> holds other architectures nested layers may name, <paramref name="assemblies"/> the assemblies whose custom layers it may use.</summary>
    public Architecture(ArchitectureDefinition definition,
        IReadOnlyDictionary<string, ArchitectureDefinition>? library = null,
        IReadOnlyList<Assembly>? assemblies = null)
    {
        Definition = definition;
        Library = library ?? new Dictionary<string, ArchitectureDefinition>();
        Assemblies = assemblies ?? [];
    }

    /// <summary>The architecture as drawn.</summary>
    public ArchitectureDefinition Definition { get; }

    /// <summary>Other architectures of the project, by name.</summary>
    public IReadOnlyDictionary<string, ArchitectureDefinition> Library { get; }

    /// <summary>Assemblies (plugins and the project's code) whose custom layers the architecture may use.</summary>
    public IReadOnlyList<Assembly> Assemblies { get; }

    /// <summary>The architecture's name.</summary>
    public string Name => Definition.Name;
}
