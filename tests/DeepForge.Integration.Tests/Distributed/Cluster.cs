using System.Globalization;
using System.Net;
using DeepForge.Integration.Tests.Infrastructure;

namespace DeepForge.Integration.Tests.Distributed;

/// <summary>
/// A server and its workers as separate <c>deepforge start</c> processes on loopback: the server
/// (<c>start -s --port N</c>) on its own data folder, each worker (<c>start -w URL --token T</c>) with
/// its own data, worker.dir and cache folders, as on another machine. Everything is killed and
/// deleted when disposed.
/// </summary>
internal sealed class Cluster : IDisposable
{
    private static readonly TimeSpan StartBound = TimeSpan.FromMinutes(1);
    private readonly List<WorkerProcess> _workers = [];
    private readonly List<CliResult> _killedServers = [];
    private BackgroundCli? _server;
    private string? _token;
    private string? _personal;

    /// <param name="leaseSeconds">The server's lease (DEEPFORGE_LEASE_SECONDS); null for its default.</param>
    public Cluster(double? leaseSeconds = null)
    {
        Server = new Cli(Temp["server"]);
        if (leaseSeconds is { } lease) Server.Environment["DEEPFORGE_LEASE_SECONDS"] = lease.ToString(CultureInfo.InvariantCulture);
        Port = FreePort.Next();
        Url = $"http://127.0.0.1:{Port}";
        Api = new ServerApi(Url);
    }

    public TempFolder Temp { get; } = new("deepforge-dist");

    /// <summary>The command on the server's data folder.</summary>
    public Cli Server { get; }

    public int Port { get; }

    public string Url { get; }

    public ServerApi Api { get; }

    /// <summary>A worker token made with <c>token create --worker</c> on the server's data folder.</summary>
    public string Token => _token ??= CliAssert.Succeeded(Server.Run("token", "create", "--worker")).StdoutLines.Last().Trim();

    public IReadOnlyList<WorkerProcess> Workers => _workers;

    /// <summary>Makes a project from a seed folder on the server's data folder (before the server starts: it owns the store then).</summary>
    public void CreateProject(string name, SeedFolder seed) => CliAssert.Succeeded(Server.Run("new", name, "--seed", seed.Path));

    /// <summary>The admin the cluster signs in as: its token goes with <see cref="Api"/>, and 'deepforge login' keeps it for --server commands.</summary>
    public const string AdminName = "admin";

    /// <summary>Starts <c>deepforge start -s --port N</c> and waits until /ready answers 200.</summary>
    public async Task StartServerAsync()
    {
        _ = Token; // made while nobody else has the store open
        var personal = SignInToken();
        var server = Server.Start("start", "-s", "--port", Port.ToString(CultureInfo.InvariantCulture));
        _server = server;
        await Poll.UntilAsync(async () =>
        {
            Assert.False(server.HasExited, $"the server ended while starting\n{server}");
            try
            {
                using var response = await Api.Http.GetAsync("/ready");
                return response.StatusCode == HttpStatusCode.OK;
            }
            catch (HttpRequestException) { return false; }
        }, StartBound, () => $"the server never became ready\n{server}");
        CliAssert.Succeeded(Server.Run("login", Url, "--token", personal));
    }

    // The admin and their personal access token, made once on the server's data folder as a person would.
    private string SignInToken()
    {
        if (_personal != null) return _personal;
        Server.AddPerson(AdminName, "admin");
        _personal = CliAssert.Succeeded(Server.Run("token", "create", "--user", AdminName)).StdoutLines.Last().Trim();
        Api.Http.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", _personal);
        return _personal;
    }

    /// <summary>SIGKILLs the server process.</summary>
    public CliResult KillServer()
    {
        var server = _server ?? throw new InvalidOperationException("the server is not running");
        _server = null;
        using (server)
        {
            var killed = server.Kill();
            _killedServers.Add(killed);
            return killed;
        }
    }

    /// <summary>Starts <c>deepforge start -w URL --token T [--labels ...]</c>; through a recording relay when asked.</summary>
    public WorkerProcess StartWorker(string name, string[]? labels = null, bool recorded = false)
    {
        var cli = new Cli(Temp[$"{name}-data"]);
        var directory = Temp[$"{name}-work"];
        cli.Environment["DEEPFORGE_WORKER_DIR"] = directory;
        cli.Environment["DEEPFORGE_WORKER_CACHE"] = Temp[$"{name}-cache"];
        cli.Environment["DEEPFORGE_WORKER_USE_BLOB"] = "false"; // as on another machine: blobs travel over HTTP
        var proxy = recorded ? new RecordingProxy(Port) : null;
        List<string> arguments = ["start", "-w", proxy?.Url ?? Url, "--token", Token];
        if (labels is { Length: > 0 }) arguments.AddRange(["--labels", string.Join(',', labels)]);
        var worker = new WorkerProcess(name, cli.Start([.. arguments]), directory, proxy);
        _workers.Add(worker);
        return worker;
    }

    /// <summary>Waits until the server lists each of these workers as connected (each has asked for a job).</summary>
    public Task WaitForRunnersAsync(params WorkerProcess[] workers) =>
        Poll.UntilAsync(async () =>
        {
            foreach (var worker in workers) Assert.False(worker.Process.HasExited, $"worker {worker.Name} ended\n{worker.Process}");
            var runners = await Api.RunnersAsync();
            return workers.All(w => runners.Any(r => w.Owns(r.Id)));
        }, StartBound, () => $"not every worker connected\n{Describe()}");

    /// <summary>What every process printed, for failure messages.</summary>
    public string Describe() =>
        string.Concat(_killedServers.Select(s => $"=== server (killed) ===\n{s}\n")) +
        $"=== server ===\n{_server?.ToString() ?? "(not running)"}\n" + string.Concat(_workers.Select(w => $"=== worker {w.Name} ===\n{w.Process}\n"));

    public void Dispose()
    {
        foreach (var worker in _workers) worker.Dispose();
        _server?.Dispose();
        Api.Dispose();
        Temp.Dispose();
    }
}

/// <summary>A worker process of a <see cref="Cluster"/>.</summary>
internal sealed class WorkerProcess(string name, BackgroundCli process, string directory, RecordingProxy? proxy) : IDisposable
{
    public string Name { get; } = name;

    public BackgroundCli Process { get; } = process;

    /// <summary>worker.dir: job folders are made under jobs/.</summary>
    public string Directory { get; } = directory;

    /// <summary>The relay that saw what the server sent this worker (only for a worker started recorded).</summary>
    public RecordingProxy? Proxy { get; } = proxy;

    /// <summary>Whether a runner id is this worker's: host name, process id and a random suffix.</summary>
    public bool Owns(string runnerId) => runnerId.Contains($"-{Process.ProcessId}-", StringComparison.Ordinal);

    /// <summary>
    /// SIGKILLs the worker process alone (<c>kill -9 pid</c>), as a crash or the out-of-memory killer would:
    /// its job processes are not signalled, they must notice by themselves that their worker is gone.
    /// </summary>
    public CliResult Kill()
    {
        using (var worker = System.Diagnostics.Process.GetProcessById(Process.ProcessId)) worker.Kill(entireProcessTree: false);
        return Process.WaitForExit(TimeSpan.FromSeconds(30));
    }

    public void Dispose()
    {
        Process.Dispose();
        Proxy?.Dispose();
    }
}
