using System.Reflection;

namespace DeepForge.Plugins;

/// <summary>An assembly that brings operations, data types, serializers or layers, and the name it is known by.</summary>
public sealed record PluginAssembly(string Name, Assembly Assembly)
{
    /// <summary>Identifies the compiled code for caching: a deterministic build gives the same id for the same source.</summary>
    public string CodeHash { get; init; } = Assembly.ManifestModule.ModuleVersionId.ToString("n");
}
