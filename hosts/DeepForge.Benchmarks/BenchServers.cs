namespace DeepForge.Benchmarks;

/// <summary>The servers of one bench phase, stopped together.</summary>
internal sealed class BenchServers : IAsyncDisposable
{
    private readonly List<BenchServer> _servers = [];

    public BenchServer this[int index] => _servers[index];

    public void Add(BenchServer server) => _servers.Add(server);

    public IEnumerable<T> Select<T>(Func<BenchServer, T> selector) => _servers.Select(selector);

    public async ValueTask DisposeAsync()
    {
        // The last started first: the first server runs the execution and should see the others go before it.
        for (var i = _servers.Count - 1; i >= 0; i--) await _servers[i].DisposeAsync();
    }
}
