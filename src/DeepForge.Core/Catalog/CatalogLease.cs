namespace DeepForge.Catalog;

/// <summary>
/// A catalog in use. While any lease on it is open its project code stays loaded and is never evicted, so every
/// caller of one version sees the same types; disposing the last lease lets the least recently used versions unload.
/// </summary>
internal sealed class CatalogLease : IDisposable
{
    private readonly Action? _release;
    private int _released;

    internal CatalogLease(OperationCatalog catalog, Action? release) => (Catalog, _release) = (catalog, release);

    public OperationCatalog Catalog { get; }

    public void Dispose()
    {
        if (Interlocked.Exchange(ref _released, 1) == 0) _release?.Invoke();
    }
}
