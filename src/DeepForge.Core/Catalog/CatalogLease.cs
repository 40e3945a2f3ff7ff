namespace DeepForge.Catalog;

/// <summary>
/// A catalog in use. While any lease on it is open its project code stays loaded and is never evicted, so every
/// caller of one version sees the same types; disposing the last lease lets the least recently used versions unload.
/// </summary>
public sealed class CatalogLease : IDisposable
{
    private readonly Action? _release;
    private int _released;

    internal CatalogLease(OperationCatalog catalog, Action? release) => (Catalog, _release) = (catalog, release);

    internal OperationCatalog Catalog { get; }

    /// <summary>Operation classes of the project's code that could not be read, each naming the class and what is wrong.</summary>
    public IReadOnlyList<Problem> Errors => Catalog.Errors;

    /// <summary>Whether the plugins or the project's code have an operation of this name.</summary>
    public bool HasOperation(string name) => Catalog.Find(name) != null;

    /// <summary>Ends the lease: the last one ended lets the least recently used versions of project code unload.</summary>
    public void Dispose()
    {
        if (Interlocked.Exchange(ref _released, 1) == 0) _release?.Invoke();
    }
}
