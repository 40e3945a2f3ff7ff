using DeepForge.Data;
using DeepForge.Plugins;

namespace DeepForge.Catalog;

/// <summary>
/// Everything a project can use: plugin and project operations, serializers, and data types by name. Read whole when made, or
/// on demand: an operation at a time as it is asked for by name, and whole the first time anything else is asked.
/// </summary>
internal sealed class OperationCatalog
{
    private readonly Dictionary<string, OperationType> _operations = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Type> _types = new(StringComparer.Ordinal);
    private readonly List<Problem> _errors = [];
    private readonly IReadOnlyList<PluginAssembly> _plugins;
    private readonly Lock _gate = new();
    // Read on demand only: the operations found by name so far, and whether the whole catalog has been read.
    private readonly Dictionary<string, OperationType> _found = new(StringComparer.Ordinal);
    private volatile bool _complete;

    /// <summary>
    /// Reads the catalog of <paramref name="assemblies"/>: whole now, or, <paramref name="onDemand"/> (a process that runs one
    /// operation, a worker's job process), <see cref="Find"/> reads only the types that may be the operation asked for
    /// (<see cref="OperationCandidates"/>) and gives what the whole catalog would give; anything else (the list, the errors, a data
    /// type not among the found operations' ports, a name no candidate has) reads it whole first.
    /// </summary>
    public OperationCatalog(IEnumerable<PluginAssembly> assemblies, IReadOnlyList<Problem> warnings, bool onDemand = false)
    {
        Warnings = warnings;
        _plugins = assemblies.ToList();
        Assemblies = _plugins.Select(a => a.Assembly).ToList();
        foreach (var plugin in _plugins) Serializers.AddFrom(plugin.Assembly);
        if (!onDemand) Complete();
        else ReaderWarmUp.Run();
    }

    public IReadOnlyList<Problem> Warnings { get; }

    /// <summary>Every assembly in the catalog: plugins, then the project's code.</summary>
    public IReadOnlyList<System.Reflection.Assembly> Assemblies { get; }

    /// <summary>Operation classes that could not be read, each naming the class and what is wrong.</summary>
    public List<Problem> Errors
    {
        get
        {
            Complete();
            return _errors;
        }
    }

    public SerializerSet Serializers { get; } = new();

    /// <summary>Whether every operation has been read (always, unless made on demand and asked for nothing but operations it found by name).</summary>
    public bool IsComplete => _complete;

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

    public IReadOnlyCollection<OperationType> Operations
    {
        get
        {
            Complete();
            return _operations.Values;
        }
    }

    public OperationType? Find(string name)
    {
        if (_complete) return _operations.GetValueOrDefault(name);
        lock (_gate)
        {
            if (_found.TryGetValue(name, out var found)) return found;
            if (FindByCandidates(name) is { } operation) return _found[name] = operation;
        }
        // No candidate is that operation: the whole catalog answers, as it would have (unknown, or a type that did not read).
        Complete();
        return _operations.GetValueOrDefault(name);
    }

    /// <summary>The type of a stored data type name, if any loaded assembly defines it.</summary>
    public Type? ResolveType(string fullName)
    {
        if (!_complete && FoundPortType(fullName) is { } port) return port;
        Complete();
        return _types.GetValueOrDefault(fullName) ?? Type.GetType(fullName);
    }

    // A port type of an operation found by name. The whole catalog maps a name to the port type of the first operation that has
    // it; another type of the same full name would have to come from a second assembly, which a job's catalog does not hold.
    private Type? FoundPortType(string fullName)
    {
        lock (_gate)
            return _found.Values.SelectMany(o => o.InputTypes.Concat(o.OutputTypes)).FirstOrDefault(t => DataTypeNames.Of(t) == fullName);
    }

    // The last definition wins in the whole catalog (project code after plugins, later types after earlier ones), so the search
    // runs from the last assembly and the last type back, and the first type that reads as an operation of that name is the one.
    private OperationType? FindByCandidates(string name)
    {
        for (var i = _plugins.Count - 1; i >= 0; i--)
        {
            var plugin = _plugins[i];
            var candidates = OperationCandidates.Named(plugin.Assembly, name);
            if (candidates == null) return null;
            foreach (var handle in candidates)
                if (ReadCandidate(plugin, handle, name) is { } operation) return operation;
        }
        return null;
    }

    // A candidate that is no operation, is another operation, does not load or does not read is passed over (the whole catalog
    // leaves it out too, or lists its problem in Errors).
    private static OperationType? ReadCandidate(PluginAssembly plugin, System.Reflection.Metadata.TypeDefinitionHandle handle, string name)
    {
        try
        {
            var type = AssemblyMetadata.Load(plugin.Assembly, handle);
            if (!ReflectionOperationReader.IsOperationType(type)) return null;
            var operation = ReflectionOperationReader.Read(type, plugin.Name, plugin.CodeHash);
            return operation.Name == name ? operation : null;
        }
        catch (Exception e) when (e is DeepForgeException or TypeLoadException or FileNotFoundException or FileLoadException or BadImageFormatException)
        {
            return null;
        }
    }

    private void Complete()
    {
        if (_complete) return;
        lock (_gate)
        {
            if (_complete) return;
            foreach (var plugin in _plugins) Add(plugin);
            _complete = true;
        }
    }

    private void Add(PluginAssembly plugin)
    {
        foreach (var type in ReflectionOperationReader.FindOperationTypes(plugin.Assembly))
        {
            OperationType operation;
            try { operation = ReflectionOperationReader.Read(type, plugin.Name, plugin.CodeHash); }
            catch (DeepForgeException e) { _errors.AddRange(e.Problems); continue; }
            _operations[operation.Name] = operation; // project operations come last and win over plugins of the same name
            foreach (var port in operation.InputTypes.Concat(operation.OutputTypes)) _types.TryAdd(DataTypeNames.Of(port), port);
        }
    }
}
