namespace DeepForge.Catalog;

/// <summary>
/// The catalogs loaded in this process, each with its project code in its own collectible load context. Catalogs in
/// use (leased) are always kept; of the others, the <c>capacity</c> most recently used stay loaded and older ones
/// are dropped and their contexts unloaded, so a server that compiles version after version of a project holds a
/// bounded number of them. A catalog may be known by several keys (its compilation and its assembly blob).
/// </summary>
internal sealed class LoadedCatalogs(int capacity)
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, Entry> _byKey = new(StringComparer.Ordinal);
    private readonly LinkedList<Entry> _idle = []; // loaded and not leased, least recently used first
    private int _loaded;

    /// <summary>How many catalogs are loaded now, leased or not.</summary>
    public int Count { get { lock (_gate) return _loaded; } }

    /// <summary>Leases the catalog of <paramref name="key"/>, building it once with <paramref name="build"/>; a build that fails is not remembered.</summary>
    public async Task<CatalogLease> LeaseAsync(string key, Func<Task<OperationCatalog>> build, CancellationToken cancellationToken)
    {
        var entry = Acquire(key, build);
        try
        {
            // The build is shared by every caller, so one caller's cancellation must not end (and poison) it: each caller only stops waiting.
            var building = entry.Build.Value;
            // WaitAsync hands a build that finished at once even to a caller that had given up; such a caller gets no lease either.
            cancellationToken.ThrowIfCancellationRequested();
            var catalog = await building.WaitAsync(cancellationToken);
            return new CatalogLease(catalog, () => Release(entry));
        }
        catch
        {
            Release(entry);
            throw;
        }
    }

    /// <summary>Makes <paramref name="alias"/> another key of the catalog of <paramref name="key"/>, unless the alias is taken.</summary>
    public void AddAlias(string key, string alias)
    {
        lock (_gate)
        {
            if (_byKey.ContainsKey(alias) || !_byKey.TryGetValue(key, out var entry)) return;
            entry.Keys.Add(alias);
            _byKey[alias] = entry;
        }
    }

    private Entry Acquire(string key, Func<Task<OperationCatalog>> build)
    {
        lock (_gate)
        {
            if (!_byKey.TryGetValue(key, out var entry))
            {
                entry = new Entry(new Lazy<Task<OperationCatalog>>(build));
                entry.Keys.Add(key);
                _byKey[key] = entry;
                _loaded++;
            }
            if (entry.IdleNode != null) { _idle.Remove(entry.IdleNode); entry.IdleNode = null; }
            entry.Leases++;
            return entry;
        }
    }

    private void Release(Entry entry)
    {
        var unload = new List<Entry>();
        lock (_gate)
        {
            if (--entry.Leases > 0 || entry.Dropped) return;
            var task = entry.Build.Value;
            if (task.IsCompleted && !task.IsCompletedSuccessfully) Drop(entry, unload); // code that did not compile: the next call compiles again
            else entry.IdleNode = _idle.AddLast(entry);
            while (_loaded > capacity && _idle.First is { } oldest) Drop(oldest.Value, unload);
        }
        foreach (var dropped in unload) Unload(dropped);
    }

    private void Drop(Entry entry, List<Entry> unload)
    {
        foreach (var key in entry.Keys)
            if (_byKey.TryGetValue(key, out var current) && current == entry) _byKey.Remove(key);
        if (entry.IdleNode != null) { _idle.Remove(entry.IdleNode); entry.IdleNode = null; }
        entry.Dropped = true;
        _loaded--;
        unload.Add(entry);
    }

    // Unloading starts once nothing leases the catalog; the runtime frees the context when the last reference to its types is gone.
    // A build still running (its callers stopped waiting) is unloaded when it ends, or its context would never go.
    private static void Unload(Entry entry) =>
        entry.Build.Value.ContinueWith(static build =>
        {
            if (!build.IsCompletedSuccessfully || build.Result.ProjectContext is not { IsCollectible: true } context) return;
            context.Unload();
            Data.JsonCaches.Clear(); // its static caches would keep the unloaded types
            UnloadCollector.Request();
        }, CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);

    private sealed class Entry(Lazy<Task<OperationCatalog>> build)
    {
        public Lazy<Task<OperationCatalog>> Build { get; } = build;
        public List<string> Keys { get; } = [];
        public int Leases { get; set; }
        public bool Dropped { get; set; }
        public LinkedListNode<Entry>? IdleNode { get; set; }
    }
}
