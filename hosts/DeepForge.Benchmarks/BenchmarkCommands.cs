using System.CommandLine;
using System.Text.Json;
using DeepForge.Data;
using DeepForge.Hosting;
using DeepForge.Worker;
using Microsoft.Extensions.DependencyInjection;

namespace DeepForge.Benchmarks;

/// <summary>
/// <c>deepforge bench engine|train|input|dispatch|blob|editor|lease|feedback|soak</c>: speed figures as JSON, never as test assertions. The deepforge
/// command finds this assembly beside it, calls <see cref="Create"/> and runs the tree it returns, mapping what the
/// actions throw to its one-line errors as for its own commands.
/// </summary>
public static class BenchmarkCommands
{
    private const int Ok = 0;

    /// <summary>The <c>bench</c> command with its subcommands.</summary>
    /// <param name="addEngine">Adds the command's engine over a data folder (store, blob folder, seeds, extensions, Torch), then the given additions.</param>
    /// <param name="addWorker">Adds the command's worker: data folder, server URL, worker token, slots (folders and cache from that data folder's config).</param>
    /// <param name="command">The program and arguments that start the deepforge command again, for bench workers and their jobs.</param>
    public static Command Create(Action<IServiceCollection, string, Action<DeepForgeBuilder>?> addEngine,
        Action<IServiceCollection, string, string, string, int> addWorker, IReadOnlyList<string> command)
    {
        BenchAssemblies.ResolveBesideThis();
        var host = new BenchHost(addEngine, addWorker, command);
        var nodes = new Option<int>("--nodes") { Description = "Operations per graph", DefaultValueFactory = _ => 1000 };
        var engineJson = new Option<bool>("--json") { Description = "Print one JSON line" };
        var engine = new Command("engine", "Milliseconds per no-op operation, in a chain and in a wide graph") { nodes, engineJson };
        engine.SetAction(async (parse, ct) =>
        {
            Report(await EngineBenchmark.RunAsync(host, parse.GetValue(nodes), ct), parse.GetValue(engineJson));
            return Ok;
        });
        var images = new Option<int>("--images") { Description = "Training images (random, CIFAR-10 shaped)", DefaultValueFactory = _ => 8192 };
        var epochs = new Option<int>("--epochs") { Description = "Epochs per run (enough that reading the data and storing the model are a small share)", DefaultValueFactory = _ => 6 };
        var rounds = new Option<int>("--rounds") { Description = "Rounds after a warm-up, each running both back to back (which goes first alternates); the median round ratio is the headline", DefaultValueFactory = _ => 7 };
        var trainJson = new Option<bool>("--json") { Description = "Print one JSON line" };
        var train = new Command("train", "lenet images per second: the seed's Train operation through a pipeline, and the same loop written directly") { images, epochs, rounds, trainJson };
        train.SetAction(async (parse, ct) =>
        {
            Report(await TrainBenchmark.RunAsync(host, parse.GetValue(images), parse.GetValue(epochs), parse.GetValue(rounds), ct), parse.GetValue(trainJson));
            return Ok;
        });
        return new Command("bench", "Measure DeepForge's speed") { engine, train, Input(), Dispatch(host), Blob(host), Editor(host), Lease(host), Feedback(host), Soak(host), Worker(host), JobExec(host) };
    }

    /// <summary>The hidden verb a bench worker's job child process runs: <c>job-exec</c> with the bench plugin.</summary>
    internal const string JobExecVerb = "job-exec";

    /// <summary>The hidden verb of a bench worker process.</summary>
    internal const string WorkerVerb = "worker";

    private static Command Dispatch(BenchHost host)
    {
        var workers = new Option<int>("--workers") { Description = "Worker processes", DefaultValueFactory = _ => 2 };
        var jobs = new Option<int>("--jobs") { Description = "Independent no-op jobs in the timed run of the default path (a warm child process per job)", DefaultValueFactory = _ => 500 };
        var slots = new Option<int>("--slots") { Description = "Jobs each worker runs at once", DefaultValueFactory = _ => 4 };
        var inProcessJobs = new Option<int?>("--in-process-jobs") { Description = "Jobs of the run inside the worker processes (the dispatch path alone); default: as many as --jobs, 0 skips it" };
        var coldJobs = new Option<int>("--cold-jobs") { Description = "Jobs of the run with a child process started per job when it is leased (no warm processes); 0 skips it", DefaultValueFactory = _ => 40 };
        var servers = new Option<int>("--servers") { Description = "Servers on one store, the workers spread over them", DefaultValueFactory = _ => 1 };
        var store = new Option<string?>("--store") { Description = "postgres for a throwaway PostgreSQL cluster, or a store setting (default: a new SQLite file)" };
        var json = new Option<bool>("--json") { Description = "Print one JSON line" };
        var command = new Command("dispatch", "Milliseconds per no-op job: servers on loopback ports and worker processes leasing over HTTP") { workers, jobs, slots, inProcessJobs, coldJobs, servers, store, json };
        command.SetAction(async (parse, ct) =>
        {
            var counts = new DispatchBenchmark.Counts(parse.GetValue(jobs), parse.GetValue(inProcessJobs) ?? parse.GetValue(jobs), parse.GetValue(coldJobs));
            var topology = new DispatchBenchmark.Topology(parse.GetValue(servers), parse.GetValue(store));
            Report(await DispatchBenchmark.RunAsync(host, parse.GetValue(workers), parse.GetValue(slots), counts, topology, ct), parse.GetValue(json));
            return Ok;
        });
        return command;
    }

    private static Command Blob(BenchHost host)
    {
        var size = new Option<string>("--size") { Description = "Bytes to move, e.g. 1GiB, 256MiB", DefaultValueFactory = _ => "1GiB" };
        var rounds = new Option<int>("--rounds") { Description = "Rounds of every step; the best of each counts", DefaultValueFactory = _ => 3 };
        var json = new Option<bool>("--json") { Description = "Print one JSON line" };
        var command = new Command("blob", "Blob upload and download over loopback HTTP beside a plain file copy on the same disk") { size, rounds, json };
        command.SetAction(async (parse, ct) =>
        {
            Report(await BlobBenchmark.RunAsync(host, BlobBenchmark.ParseSize(parse.GetValue(size)!), parse.GetValue(rounds), ct), parse.GetValue(json));
            return Ok;
        });
        return command;
    }

    private static Command Input()
    {
        var megabytes = new Option<int>("--mb") { Description = "Megabytes of the stored dataset (CIFAR-10 shaped float32 images)", DefaultValueFactory = _ => 100 };
        var rounds = new Option<int>("--rounds") { Description = "Rounds of every step; best and median of each", DefaultValueFactory = _ => 5 };
        var json = new Option<bool>("--json") { Description = "Print one JSON line" };
        var command = new Command("input", "Milliseconds until a stored dataset is ready for an operation, read as a job reads its input (checked against its hash as it is read)") { megabytes, rounds, json };
        command.SetAction(async (parse, ct) =>
        {
            Report(await InputBenchmark.RunAsync(parse.GetValue(megabytes), parse.GetValue(rounds), ct), parse.GetValue(json));
            return Ok;
        });
        return command;
    }

    private static Command Lease(BenchHost host)
    {
        var store = new Option<string?>("--store") { Description = "The store, as the setting store is written (default: a new SQLite file; use a throwaway database: the bench fills it)" };
        var jobs = new Option<int>("--jobs") { Description = "Finished jobs written to the store first", DefaultValueFactory = _ => 100_000 };
        var leases = new Option<int>("--leases") { Description = "Leases timed, one queued job each", DefaultValueFactory = _ => 200 };
        var json = new Option<bool>("--json") { Description = "Print one JSON line" };
        var command = new Command("lease", "Milliseconds per lease with many finished jobs in the store (SQLite, PostgreSQL or MongoDB)") { store, jobs, leases, json };
        command.SetAction(async (parse, ct) =>
        {
            Report(await LeaseBenchmark.RunAsync(host, parse.GetValue(store), parse.GetValue(jobs), parse.GetValue(leases), ct), parse.GetValue(json));
            return Ok;
        });
        return command;
    }

    private static Command Feedback(BenchHost host)
    {
        var store = new Option<string?>("--store") { Description = "postgres for a throwaway PostgreSQL cluster, or a store setting (default: a new SQLite file)" };
        var points = new Option<int>("--points") { Description = "Graph points the operation adds", DefaultValueFactory = _ => 50 };
        var interval = new Option<int>("--interval-ms") { Description = "Milliseconds between two points", DefaultValueFactory = _ => 200 };
        var json = new Option<bool>("--json") { Description = "Print one JSON line" };
        var command = new Command("feedback", "Milliseconds from an operation adding a graph point to an open execution page (Chromium) having drawn it: p50, p95, max") { store, points, interval, json };
        command.SetAction(async (parse, ct) =>
        {
            Report(await FeedbackBenchmark.RunAsync(host, parse.GetValue(store), parse.GetValue(points), parse.GetValue(interval), ct), parse.GetValue(json));
            return Ok;
        });
        return command;
    }

    private static Command Soak(BenchHost host)
    {
        var edits = new Option<int>("--edits") { Description = "Edits of one operation's source saved through the REST API, each a new version of the code", DefaultValueFactory = _ => 200 };
        var runs = new Option<int>("--runs") { Description = "Runs of a two-operation pipeline on the worker process, after the edits", DefaultValueFactory = _ => 200 };
        var samples = new Option<int>("--samples") { Description = "Samples of memory and disk in each phase", DefaultValueFactory = _ => 25 };
        var blobBytes = new Option<int>("--blob-bytes") { Description = "Bytes of the text each run makes and the worker reads through its cache", DefaultValueFactory = _ => 256 * 1024 };
        var cacheMax = new Option<long?>("--worker-cache-max-bytes") { Description = "worker.cache.maxBytes of the worker (default: the worker's own default)" };
        var warmup = new Option<int?>("--warmup-edits") { Description = "Edits made before the measured --edits, left out of the slope (default 300: memory levels off after about as many)" };
        var json = new Option<bool>("--json") { Description = "Print one JSON line" };
        var command = new Command("soak", "Resident memory and disk of a server process over many edits and runs: samples, MB per edit and per run after warm-up, the store's size") { edits, runs, samples, blobBytes, cacheMax, warmup, json };
        command.SetAction(async (parse, ct) =>
        {
            var settings = new SoakSettings(parse.GetValue(edits), parse.GetValue(runs), parse.GetValue(samples), parse.GetValue(blobBytes), parse.GetValue(cacheMax), parse.GetValue(warmup));
            Report(await SoakBenchmark.RunAsync(host, settings, ct), parse.GetValue(json));
            return Ok;
        });
        return command;
    }

    private static Command Editor(BenchHost host)
    {
        var rounds = new Option<int>("--rounds") { Description = "Timed repetitions of each step (compiles: a quarter as many)", DefaultValueFactory = _ => 20 };
        var json = new Option<bool>("--json") { Description = "Print one JSON line" };
        var command = new Command("editor", "Milliseconds the designer's editors wait: operations read from edited code, the catalog compiled, shapes inferred, code completion cold and warm") { rounds, json };
        command.SetAction(async (parse, ct) =>
        {
            Report(await EditorBenchmark.RunAsync(host, parse.GetValue(rounds), ct), parse.GetValue(json));
            return Ok;
        });
        return command;
    }

    // A worker process of `bench dispatch`: `deepforge start -w` with the bench's NoOp operation, and maybe its jobs in this process.
    private static Command Worker(BenchHost host)
    {
        var server = new Option<string>("--server") { Description = "The bench server's URL", Required = true };
        var token = new Option<string>("--token") { Description = "The bench server's worker token", Required = true };
        var slots = new Option<int>("--slots") { Description = "Jobs this worker runs at once", DefaultValueFactory = _ => 1 };
        var jobsInProcess = new Option<bool>("--jobs-in-process") { Description = "Run jobs inside the worker process, not in a child process each" };
        var noWarm = new Option<bool>("--no-warm-processes") { Description = "Start each job's child process when the job is leased, none ahead" };
        var command = new Command(WorkerVerb, "Run a worker of bench dispatch (used by bench dispatch)") { server, token, slots, jobsInProcess, noWarm };
        command.Hidden = true;
        command.SetAction((parse, ct) => BenchWorkerHost.RunAsync(host, parse.GetValue(server)!, parse.GetValue(token)!, parse.GetValue(slots), parse.GetValue(jobsInProcess), parse.GetValue(noWarm), ct));
        return command;
    }

    // `deepforge job-exec` with the bench's NoOp operation registered: what bench workers run a job's child process with.
    private static Command JobExec(BenchHost host)
    {
        var folder = new Argument<string>("folder") { Description = "The job folder the worker prepared" };
        var command = new Command(JobExecVerb, "Run one job of a bench worker (used by bench dispatch)") { folder };
        command.Hidden = true;
        command.SetAction((parse, ct) => RunJobAsync(host, parse.GetValue(folder)!, ct));
        return command;
    }

    /// <summary>
    /// <c>bench job-exec FOLDER</c> without the bench's command tree, as the command's own <c>job-exec</c> runs: a bench worker starts a
    /// process per job, and each pays for the code it runs. The command calls it when the arguments are exactly that.
    /// </summary>
    /// <param name="addJobPlugins">Adds what the command's own job processes have over a data folder (its engine's plugins, no store), then the given additions (the bench plugin).</param>
    /// <param name="folder">The job folder the worker prepared, or <c>-</c> to start warm.</param>
    /// <param name="cancellationToken">Ends the job.</param>
    public static Task<int> RunJob(Action<IServiceCollection, string, Action<DeepForgeBuilder>?> addJobPlugins, string folder, CancellationToken cancellationToken)
    {
        BenchAssemblies.ResolveBesideThis();
        return RunJobAsync(new BenchHost(addJobPlugins, (_, _, _, _, _) => { }, []), folder, cancellationToken);
    }

    private static async Task<int> RunJobAsync(BenchHost host, string folder, CancellationToken cancellationToken)
    {
        JobPhases.Mark("command parsed");
        // As the command's own job-exec: libtorch only for a job whose operation uses it (NoOp does not); the figure is the default path's.
        DeepForge.Torch.Native.TorchNative.LoadLazily = true;
        // Built as the command's own job-exec builds its services (CliContext.BuildForJob): no validation pass over them.
        var collection = new ServiceCollection();
        host.AddEngine(collection, BenchHost.DataDirectory, BenchWorkerHost.AddPlugin);
        await using var services = collection.BuildServiceProvider();
        var torch = new JobNativeLibrary("TorchSharp", DeepForge.Torch.Native.TorchNative.EnsureLoaded);
        return await JobChild.RunAsync(folder, services, torch, cancellationToken);
    }

    internal static void Report(object result, bool json)
    {
        // As the command prints JSON: the server's and the store's settings, one document per line.
        if (json) Console.WriteLine(JsonSerializer.Serialize(result, Json.Options));
        else foreach (var p in result.GetType().GetProperties()) Console.WriteLine($"{p.Name}: {p.GetValue(result)}");
    }
}
