using DeepForge.Data;
using DeepForge.Plugins;

namespace DeepForge.Catalog;

/// <summary>Everything a project can use: plugin and project operations, serializers, and data types by name.</summary>
internal sealed class OperationCatalog
{
    private readonly Dictionary<string, OperationType> _operations = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Type> _types = new(StringComparer.Ordinal);

    public OperationCatalog(IEnumerable<PluginAssembly> assemblies, IReadOnlyList<Problem> warnings)
    {
        Warnings = warnings;
        var list = assemblies.ToList();
        Assemblies = list.Select(a => a.Assembly).ToList();
        foreach (var plugin in list) Add(plugin);
    }

    public IReadOnlyList<Problem> Warnings { get; }

    /// <summary>Every assembly in the catalog: plugins, then the project's code.</summary>
    public IReadOnlyList<System.Reflection.Assembly> Assemblies { get; }

    /// <summary>Operation classes that could not be read, each naming the class and what is wrong.</summary>
    public List<Problem> Errors { get; } = [];

    public SerializerSet Serializers { get; } = new();

    /// <summary>The blob of the compiled project assembly, when the project has code.</summary>
    public string? ProjectAssemblyBlob { get; init; }

    /// <summary>The collectible context the project's code is loaded in, when the project has code; unloaded when the catalog is evicted.</summary>
    public System.Runtime.Loader.AssemblyLoadContext? ProjectContext { get; init; }

    /// <summary>The hash of the project's sources, when the project has code.</summary>
    public string? SourceHash { get; init; }

    /// <summary>What each project operation depends on in code, by operation type name; empty for catalogs loaded from an assembly blob.</summary>
    public IReadOnlyDictionary<string, Models.OperationCode> OperationCode { get; init; } = new Dictionary<string, Models.OperationCode>();

    /// <summary>The code a project operation depends on, or null for plugin operations (their assembly identifies them).</summary>
    public Models.OperationCode? CodeOf(OperationType operation) =>
        operation.CodeHash == SourceHash && operation.Type.FullName is { } name ? OperationCode.GetValueOrDefault(name) : null;

    public IReadOnlyCollection<OperationType> Operations => _operations.Values;

    public OperationType? Find(string name) => _operations.GetValueOrDefault(name);

    /// <summary>The type of a stored data type name, if any loaded assembly defines it.</summary>
    public Type? ResolveType(string fullName) => _types.GetValueOrDefault(fullName) ?? Type.GetType(fullName);

    private void Add(PluginAssembly plugin)
    {
        Serializers.AddFrom(plugin.Assembly);
        foreach (var type in ReflectionOperationReader.FindOperationTypes(plugin.Assembly))
        {
            OperationType operation;
            try { operation = ReflectionOperationReader.Read(type, plugin.Name, plugin.CodeHash); }
            catch (DeepForgeException e) { Errors.AddRange(e.Problems); continue; }
            _operations[operation.Name] = operation; // project operations come last and win over plugins of the same name
            foreach (var port in operation.InputTypes.Concat(operation.OutputTypes)) _types.TryAdd(DataTypeNames.Of(port), port);
        }
    }
}
