namespace DeepForge.Catalog;

/// <summary>
/// What an editor needs to know about a project's operations: their interfaces, and whether the data one port
/// gives fits another port (a port of type T takes T and its subclasses), with the reason when it does not.
/// </summary>
public sealed class ProjectCatalog
{
    private readonly OperationCatalog _catalog;

    internal ProjectCatalog(OperationCatalog catalog) => _catalog = catalog;

    /// <summary>Every operation the project can use (plugins and its own code), by category then name.</summary>
    public IReadOnlyList<OperationDescriptor> Operations =>
        _catalog.Operations.Select(o => o.Descriptor).OrderBy(o => o.Category).ThenBy(o => o.Name).ToList();

    /// <summary>The operation of that name, if the project can use it.</summary>
    public OperationDescriptor? Find(string name) => _catalog.Find(name)?.Descriptor;

    /// <summary>
    /// Null when data of type <paramref name="given"/> may flow into a port of type <paramref name="taken"/>,
    /// otherwise why not. A type no loaded assembly defines is given the benefit of the doubt: running checks it.
    /// </summary>
    public string? WhyNotFits(string given, string taken)
    {
        var from = _catalog.ResolveType(given);
        var to = _catalog.ResolveType(taken);
        if (from == null || to == null || to.IsAssignableFrom(from)) return null;
        return $"it gives {DataTypeNames.Display(from)} but the input takes {DataTypeNames.Display(to)}";
    }

    /// <summary>The short name of a stored data type name, as people read it.</summary>
    public string Display(string dataType) => _catalog.ResolveType(dataType) is { } type ? DataTypeNames.Display(type) : ShortName(dataType);

    private static string ShortName(string dataType) => dataType[(dataType.LastIndexOf('.') + 1)..];
}
