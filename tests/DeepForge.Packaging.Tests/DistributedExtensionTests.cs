using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace DeepForge.Packaging.Tests;

/// <summary>
/// A server gives its workers the extensions it has installed: a worker process with its own empty data
/// folder runs a pipeline that uses an extension's operation, and keeps the extension in its cache.
/// </summary>
[Collection(PackagedCollection.Name), Trait("Speed", "slow")] // SLOW: shares the packing fixture (~30 s) and starts a server and a worker
public sealed class DistributedExtensionTests(PackagedDeepForge packaged)
{
    private static readonly TimeSpan StartBound = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task A_worker_without_the_extension_gets_it_from_the_server_and_runs_the_job()
    {
        var serverData = packaged.NewDataDirectory();
        (await packaged.RunAsync(serverData, "extensions", "add", packaged.ExtensionPackage)).Succeeded("extensions add");
        (await packaged.RunAsync(serverData, "new", "p", "--seed", "AcmeExt-demo")).Succeeded("new --seed AcmeExt-demo");
        var token = (await packaged.RunAsync(serverData, "token", "create", "--worker")).Succeeded("token create --worker")
            .Output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Last();

        var port = FreePort();
        var url = $"http://127.0.0.1:{port}";
        using var server = LongRunning.Start(packaged.Deepforge, ["start", "-s", "--port", port.ToString(System.Globalization.CultureInfo.InvariantCulture)],
            packaged.Root, new() { ["DEEPFORGE_DATA_DIR"] = serverData });
        using var http = new HttpClient { BaseAddress = new Uri(url), Timeout = TimeSpan.FromSeconds(5) };
        await UntilAsync(async () =>
        {
            Assert.False(server.HasExited, $"the server ended while starting\n{server}");
            try { using var response = await http.GetAsync("/ready"); return response.StatusCode == HttpStatusCode.OK; }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException) { return false; }
        }, () => $"the server never became ready\n{server}");
        // Signed in as the admin the first start made, as a person on the server's machine would.
        var personal = (await packaged.RunAsync(serverData, "token", "create", "--user", "admin")).Succeeded("token create --user admin")
            .Output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Last();
        (await packaged.RunAsync(serverData, "login", url, "--token", personal)).Succeeded("login");

        // A worker as on another machine: its own, empty data folder, and blobs over HTTP only.
        var workerData = packaged.NewDataDirectory();
        var cache = Path.Combine(workerData, "cache");
        using var worker = LongRunning.Start(packaged.Deepforge, ["start", "-w", url, "--token", token], packaged.Root, new()
        {
            ["DEEPFORGE_DATA_DIR"] = workerData,
            ["DEEPFORGE_WORKER_DIR"] = Path.Combine(workerData, "work"),
            ["DEEPFORGE_WORKER_CACHE"] = cache,
            ["DEEPFORGE_WORKER_USE_BLOB"] = "false",
        });

        var run = await packaged.RunAsync(serverData, "run", "p", "demo", "--server", url);
        Assert.True(run.ExitCode == 0, $"run --server failed with exit code {run.ExitCode}:\n{run.All}\n=== server ===\n{server}\n=== worker ===\n{worker}");
        Assert.Contains("succeeded", run.All);
        Assert.Contains("Hello from AcmeExt: 1, 2, 3", run.All + worker);
        Assert.False(File.Exists(Path.Combine(workerData, "extensions.json")), "the worker's data folder has no extension installed");
        Assert.True(File.Exists(Path.Combine(cache, "extensions", PackagedDeepForge.ExtensionId, "1.0.0", "AcmeExt.dll")),
            $"the worker's cache does not hold the extension\n=== worker ===\n{worker}");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static async Task UntilAsync(Func<Task<bool>> condition, Func<string> describe)
    {
        var clock = Stopwatch.StartNew();
        while (!await condition())
        {
            if (clock.Elapsed > StartBound) Assert.Fail(describe());
            await Task.Delay(200);
        }
    }
}

/// <summary>A process that runs until the test ends it (a server, a worker); ToString gives what it printed.</summary>
internal sealed class LongRunning : IDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();

    private LongRunning(Process process) => _process = process;

    public bool HasExited => _process.HasExited;

    public static LongRunning Start(string file, IEnumerable<string> arguments, string workingDirectory, Dictionary<string, string?> environment)
    {
        var info = new ProcessStartInfo(file)
        {
            WorkingDirectory = workingDirectory, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
        };
        foreach (var argument in arguments) info.ArgumentList.Add(argument);
        info.Environment["DOTNET_NOLOGO"] = "1";
        info.Environment["NO_COLOR"] = "1";
        foreach (var (key, value) in environment) info.Environment[key] = value;
        var process = new Process { StartInfo = info };
        var running = new LongRunning(process);
        process.OutputDataReceived += (_, e) => { if (e.Data != null) lock (running._output) running._output.AppendLine(e.Data); };
        process.ErrorDataReceived += (_, e) => { if (e.Data != null) lock (running._output) running._output.AppendLine(e.Data); };
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return running;
    }

    public override string ToString()
    {
        lock (_output) return _output.ToString();
    }

    public void Dispose()
    {
        try { if (!_process.HasExited) { _process.Kill(entireProcessTree: true); _process.WaitForExit(10_000); } }
        catch (InvalidOperationException) { }
        _process.Dispose();
    }
}
