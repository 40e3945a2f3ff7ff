using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;

namespace DeepForge.Benchmarks;

/// <summary>
/// The server and worker of <c>bench soak</c> as a person deploys them: <c>deepforge start -s</c> on its own data folder
/// (SQLite, blob folder; sign-in off, which is allowed on loopback only) and <c>deepforge start -w</c> on another, with
/// blobs travelling over HTTP into the worker's cache as on another machine.
/// </summary>
internal sealed class SoakDeployment : IAsyncDisposable
{
    private static readonly TimeSpan StartBound = TimeSpan.FromMinutes(2);

    private SoakDeployment(string root, string url, SoakProcess server, SoakProcess worker) => (Root, Url, Server, Worker) = (root, url, server, worker);

    public string Root { get; }
    public string Url { get; }
    public SoakProcess Server { get; }
    public SoakProcess Worker { get; }
    public string StorePath => Path.Combine(Root, "server", "deepforge.db");
    public string BlobDirectory => Path.Combine(Root, "server", "blob");
    public string WorkerCache => Path.Combine(Root, "worker-cache");
    public string WorkerDirectory => Path.Combine(Root, "worker-dir");

    public static async Task<SoakDeployment> StartAsync(BenchHost host, string root, long? workerCacheMaxBytes, CancellationToken cancellationToken)
    {
        var token = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(24));
        var port = FreePort();
        var url = $"http://127.0.0.1:{port}";
        Directory.CreateDirectory(Path.Combine(root, "server"));
        var server = SoakProcess.Start(host, "server", ["start", "-s", "--port", port.ToString(CultureInfo.InvariantCulture)], new Dictionary<string, string>
        {
            ["DEEPFORGE_DATA_DIR"] = Path.Combine(root, "server"), ["DEEPFORGE_WORKER_TOKEN"] = token, ["DEEPFORGE_AUTH_ENABLED"] = "false",
        }, Path.Combine(root, "server.log"));
        SoakProcess? worker = null;
        try
        {
            using var client = new SoakApi(url);
            await UntilAsync(() => client.ReadyAsync(cancellationToken), server, "the soak server to answer /ready", cancellationToken);
            worker = StartWorker(host, root, url, token, workerCacheMaxBytes);
            var started = worker;
            await UntilAsync(async () => { started.ThrowIfExited(); return await client.WorkersAsync(cancellationToken) > 0; }, server, "the soak worker to connect", cancellationToken);
            return new SoakDeployment(root, url, server, worker);
        }
        catch
        {
            if (worker != null) await worker.DisposeAsync();
            await server.DisposeAsync();
            throw;
        }
    }

    private static SoakProcess StartWorker(BenchHost host, string root, string url, string token, long? cacheMaxBytes)
    {
        var data = Path.Combine(root, "worker-data");
        Directory.CreateDirectory(data);
        var environment = new Dictionary<string, string>
        {
            ["DEEPFORGE_DATA_DIR"] = data, ["DEEPFORGE_WORKER_DIR"] = Path.Combine(root, "worker-dir"), ["DEEPFORGE_WORKER_CACHE"] = Path.Combine(root, "worker-cache"),
            ["DEEPFORGE_WORKER_USE_BLOB"] = "false",
        };
        if (cacheMaxBytes is { } max) environment["DEEPFORGE_WORKER_CACHE_MAX_BYTES"] = max.ToString(CultureInfo.InvariantCulture);
        return SoakProcess.Start(host, "worker", ["start", "-w", url, "--token", token], environment, Path.Combine(root, "worker.log"));
    }

    public void ThrowIfExited()
    {
        Server.ThrowIfExited();
        Worker.ThrowIfExited();
    }

    private static async Task UntilAsync(Func<Task<bool>> condition, SoakProcess server, string what, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        while (!await condition())
        {
            server.ThrowIfExited();
            if (clock.Elapsed > StartBound) throw new TimeoutException($"waited {StartBound.TotalSeconds:0} s for {what}:\n{server.Tail()}");
            await Task.Delay(100, cancellationToken);
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public async ValueTask DisposeAsync()
    {
        await Worker.DisposeAsync();
        await Server.DisposeAsync();
    }
}
