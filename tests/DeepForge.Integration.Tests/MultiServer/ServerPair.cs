using System.Globalization;
using System.Net;
using DeepForge.Integration.Tests.Distributed;
using DeepForge.Integration.Tests.Infrastructure;
using DeepForge.Testing;

namespace DeepForge.Integration.Tests.MultiServer;

/// <summary>
/// Two <c>deepforge start -s</c> processes, A and B, on one throwaway PostgreSQL store and one blob folder, each on its
/// own data folder and port, with short leases so a dead server's executions are taken over within seconds. Workers
/// are processes pointed at either server. Everything is killed and deleted when disposed.
/// </summary>
internal sealed class ServerPair : IDisposable
{
    private static readonly TimeSpan StartBound = TimeSpan.FromMinutes(1);

    /// <summary>How long a server's lease on its executions lasts here (renewed four times in it).</summary>
    public const string ExecutionLease = "4s";

    private readonly PostgreSqlTestCluster _postgres = new();
    private readonly List<WorkerProcess> _workers = [];
    private readonly List<string> _killed = [];
    private string? _workerToken;

    public ServerPair()
    {
        _postgres.Execute("CREATE DATABASE deepforge");
        A = new Node("A", this);
        B = new Node("B", this);
    }

    public TempFolder Temp { get; } = new("deepforge-multi");

    public Node A { get; }

    public Node B { get; }

    /// <summary>Makes a project from a seed folder through server A's data folder (it lands in the shared store).</summary>
    public void CreateProject(string name, SeedFolder seed) => CliAssert.Succeeded(A.Cli.Run("new", name, "--seed", seed.Path));

    /// <summary>Makes the worker token and the admin with a personal access token (both in the shared store), then starts both servers.</summary>
    public async Task StartAsync()
    {
        _workerToken = CliAssert.Succeeded(A.Cli.Run("token", "create", "--worker")).StdoutLines.Last().Trim();
        A.Cli.AddPerson("admin", "admin");
        var personal = CliAssert.Succeeded(A.Cli.Run("token", "create", "--user", "admin")).StdoutLines.Last().Trim();
        await Task.WhenAll(A.StartAsync(personal), B.StartAsync(personal));
    }

    /// <summary>Starts a worker pointed at <paramref name="server"/>, and waits until that server lists it.</summary>
    public async Task<WorkerProcess> StartWorkerAsync(string name, Node server, params string[] labels)
    {
        var cli = new Cli(Temp[$"{name}-data"]);
        var directory = Temp[$"{name}-work"];
        cli.Environment["DEEPFORGE_WORKER_DIR"] = directory;
        cli.Environment["DEEPFORGE_WORKER_CACHE"] = Temp[$"{name}-cache"];
        cli.Environment["DEEPFORGE_WORKER_USE_BLOB"] = "false"; // as on another machine: blobs travel over HTTP
        List<string> arguments = ["start", "-w", server.Url, "--token", _workerToken!];
        if (labels.Length > 0) arguments.AddRange(["--labels", string.Join(',', labels)]);
        var worker = new WorkerProcess(name, cli.Start([.. arguments]), directory, null);
        _workers.Add(worker);
        await Poll.UntilAsync(async () =>
        {
            Assert.False(worker.Process.HasExited, $"worker {name} ended\n{worker.Process}");
            return (await server.Api.RunnersAsync()).Any(r => worker.Owns(r.Id));
        }, StartBound, () => $"worker {name} never connected\n{Describe()}");
        return worker;
    }

    /// <summary>What every process printed, for failure messages.</summary>
    public string Describe() =>
        string.Concat(_killed) + $"=== server A ===\n{A.Process}\n=== server B ===\n{B.Process}\n"
        + string.Concat(_workers.Select(w => $"=== worker {w.Name} ===\n{w.Process}\n"));

    public void Dispose()
    {
        foreach (var worker in _workers) worker.Dispose();
        A.Dispose();
        B.Dispose();
        Temp.Dispose();
        _postgres.Dispose();
    }

    /// <summary>One server of the pair.</summary>
    internal sealed class Node : IDisposable
    {
        private readonly ServerPair _pair;
        private BackgroundCli? _process;

        public Node(string name, ServerPair pair)
        {
            (Name, _pair) = (name, pair);
            Cli = new Cli(pair.Temp[$"server-{name}"]);
            Cli.Environment["DEEPFORGE_STORE"] = pair._postgres.Url("deepforge");
            Cli.Environment["DEEPFORGE_BLOB_DIR"] = pair.Temp["blob"];
            Cli.Environment["DEEPFORGE_EXECUTION_LEASE"] = ExecutionLease;
            Cli.Environment["DEEPFORGE_LEASE_SECONDS"] = "3";
            Port = FreePort.Next();
            Url = $"http://127.0.0.1:{Port.ToString(CultureInfo.InvariantCulture)}";
            Api = new ServerApi(Url);
        }

        public string Name { get; }

        public Cli Cli { get; }

        public int Port { get; }

        public string Url { get; }

        public ServerApi Api { get; }

        /// <summary>The server process (null before it started).</summary>
        public BackgroundCli? Process => _process;

        public async Task StartAsync(string personalToken)
        {
            Api.Http.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", personalToken);
            var server = _process = Cli.Start("start", "-s", "--port", Port.ToString(CultureInfo.InvariantCulture));
            await Poll.UntilAsync(async () =>
            {
                Assert.False(server.HasExited, $"server {Name} ended while starting\n{server}");
                try
                {
                    using var response = await Api.Http.GetAsync("/ready");
                    return response.StatusCode == HttpStatusCode.OK;
                }
                catch (HttpRequestException) { return false; }
            }, StartBound, () => $"server {Name} never became ready\n{server}");
        }

        /// <summary>Pauses the server process (SIGSTOP): alive on this machine, so only its lease running out frees its executions.</summary>
        public void Pause() => Signals.Pause(_process!.ProcessId);

        /// <summary>Lets a paused server run on (SIGCONT).</summary>
        public void Continue() => Signals.Continue(_process!.ProcessId);

        /// <summary>SIGKILLs the server process.</summary>
        public void Kill()
        {
            var server = _process ?? throw new InvalidOperationException($"server {Name} is not running");
            _process = null;
            using (server) _pair._killed.Add($"=== server {Name} (killed) ===\n{server.Kill()}\n");
        }

        public void Dispose()
        {
            // A paused process does not die of SIGKILL until it runs again.
            if (_process is { HasExited: false } process) Signals.Continue(process.ProcessId);
            _process?.Dispose();
            Api.Dispose();
        }
    }
}
