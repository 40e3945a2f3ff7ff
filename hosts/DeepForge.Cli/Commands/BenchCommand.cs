using System.CommandLine;
using DeepForge.Cli.Bench;
using DeepForge.Cli.Hosting;
using DeepForge.Cli.Output;

namespace DeepForge.Cli.Commands;

/// <summary><c>deepforge bench engine|train</c>: speed figures as JSON, never as test assertions.</summary>
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
        return new Command("bench", "Measure DeepForge's speed") { engine, train };
    }

    internal static void Report(object result, bool json)
    {
        if (json) JsonOutput.Print(result);
        else foreach (var p in result.GetType().GetProperties()) Console.WriteLine($"{p.Name}: {p.GetValue(result)}");
    }
}
