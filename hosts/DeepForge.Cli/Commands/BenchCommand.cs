using System.CommandLine;
using DeepForge.Cli.Bench;
using DeepForge.Cli.Hosting;
using DeepForge.Cli.Output;
using DeepForge.Worker;

namespace DeepForge.Cli.Commands;

/// <summary><c>deepforge bench engine|train|dispatch|blob|editor</c>: speed figures as JSON, never as test assertions.</summary>
internal static class BenchCommand
{
    public static Command Create()
    {
        var nodes = new Option<int>("--nodes") { Description = "Operations per graph", DefaultValueFactory = _ => 1000 };
        var engineJson = new Option<bool>("--json") { Description = "Print one JSON line" };
        var engine = new Command("engine", "Milliseconds per no-op operation, in a chain and in a wide graph") { nodes, engineJson };
        CliAction.Set(engine, async (parse, _, ct) =>
        {
            Report(await EngineBenchmark.RunAsync(parse.GetValue(nodes), ct), parse.GetValue(engineJson));
            return CliAction.Ok;
        });
        var images = new Option<int>("--images") { Description = "Training images (random, CIFAR-10 shaped)", DefaultValueFactory = _ => 8192 };
        var epochs = new Option<int>("--epochs") { Description = "Epochs per run (enough that reading the data and storing the model are a small share)", DefaultValueFactory = _ => 6 };
        var rounds = new Option<int>("--rounds") { Description = "Alternating runs of each; the best counts", DefaultValueFactory = _ => 3 };
        var trainJson = new Option<bool>("--json") { Description = "Print one JSON line" };
        var train = new Command("train", "lenet images per second: the seed's Train operation through a pipeline, and the same loop written directly") { images, epochs, rounds, trainJson };
        CliAction.Set(train, async (parse, _, ct) =>
        {
            Report(await TrainBenchmark.RunAsync(parse.GetValue(images), parse.GetValue(epochs), parse.GetValue(rounds), ct), parse.GetValue(trainJson));
            return CliAction.Ok;
        });
        return new Command("bench", "Measure DeepForge's speed") { engine, train, Dispatch(), Blob(), Editor(), LeaseBenchCommand.Create(), JobExec() };
    }

    /// <summary>The hidden verb a bench worker's job child process runs: <c>job-exec</c> with the bench plugin.</summary>
    internal const string JobExecVerb = "job-exec";

    private static Command Dispatch()
    {
        var workers = new Option<int>("--workers") { Description = "Worker processes", DefaultValueFactory = _ => 2 };
        var jobs = new Option<int>("--jobs") { Description = "Independent no-op jobs in the timed run", DefaultValueFactory = _ => 500 };
        var slots = new Option<int>("--slots") { Description = "Jobs each worker runs at once", DefaultValueFactory = _ => 4 };
        var childJobs = new Option<int>("--child-jobs") { Description = "Jobs of the second run, with a child process per job as workers run them by default; 0 skips it", DefaultValueFactory = _ => 40 };
        var json = new Option<bool>("--json") { Description = "Print one JSON line" };
        var command = new Command("dispatch", "Milliseconds per no-op job: a server on a loopback port and worker processes leasing over HTTP") { workers, jobs, slots, childJobs, json };
        CliAction.Set(command, async (parse, _, ct) =>
        {
            Report(await DispatchBenchmark.RunAsync(parse.GetValue(workers), parse.GetValue(jobs), parse.GetValue(slots), parse.GetValue(childJobs), ct), parse.GetValue(json));
            return CliAction.Ok;
        });
        return command;
    }

    private static Command Blob()
    {
        var size = new Option<string>("--size") { Description = "Bytes to move, e.g. 1GiB, 256MiB", DefaultValueFactory = _ => "1GiB" };
        var rounds = new Option<int>("--rounds") { Description = "Rounds of every step; the best of each counts", DefaultValueFactory = _ => 3 };
        var json = new Option<bool>("--json") { Description = "Print one JSON line" };
        var command = new Command("blob", "Blob upload and download over loopback HTTP beside a plain file copy on the same disk") { size, rounds, json };
        CliAction.Set(command, async (parse, _, ct) =>
        {
            Report(await BlobBenchmark.RunAsync(BlobBenchmark.ParseSize(parse.GetValue(size)!), parse.GetValue(rounds), ct), parse.GetValue(json));
            return CliAction.Ok;
        });
        return command;
    }

    private static Command Editor()
    {
        var rounds = new Option<int>("--rounds") { Description = "Timed repetitions of each step (compiles: a quarter as many)", DefaultValueFactory = _ => 20 };
        var json = new Option<bool>("--json") { Description = "Print one JSON line" };
        var command = new Command("editor", "Milliseconds the designer's editors wait: operations read from edited code, the catalog compiled, shapes inferred") { rounds, json };
        CliAction.Set(command, async (parse, _, ct) =>
        {
            Report(await EditorBenchmark.RunAsync(parse.GetValue(rounds), ct), parse.GetValue(json));
            return CliAction.Ok;
        });
        return command;
    }

    // `deepforge job-exec` with the bench's NoOp operation registered: what bench workers run a job's child process with.
    private static Command JobExec()
    {
        var folder = new Argument<string>("folder") { Description = "The job folder the worker prepared" };
        var command = new Command(JobExecVerb, "Run one job of a bench worker (used by bench dispatch)") { folder };
        command.Hidden = true;
        CliAction.Set(command, async (parse, context, ct) =>
        {
            await using var services = CliContext.Build(context.DataDirectory, context.Config, BenchWorkerHost.AddPlugin);
            return await JobChild.RunAsync(parse.GetValue(folder)!, services, ct);
        });
        return command;
    }

    internal static void Report(object result, bool json)
    {
        if (json) JsonOutput.Print(result);
        else foreach (var p in result.GetType().GetProperties()) Console.WriteLine($"{p.Name}: {p.GetValue(result)}");
    }
}
