using System.Diagnostics;
using System.Text.Json;
using DeepForge.Configuration;
using DeepForge.Models;
using DeepForge.Runtime;

using DeepForge.Torch.Data;
using Microsoft.Extensions.DependencyInjection;
using static TorchSharp.torch;

namespace DeepForge.Benchmarks;

/// <summary>
/// Images per second of lenet trained by the cifar10 seed's Train operation through a pipeline
/// (end to end: reading the dataset artifact, training, storing the model) against the same loop
/// written directly against TorchSharp, in the same process on the same data. Runs alternate and
/// the best of each counts, so a noisy neighbour hurts both alike.
/// </summary>
internal static class TrainBenchmark
{
    private const int BatchSize = 32;
    private const double LearningRate = 0.001;

    public static async Task<object> RunAsync(BenchHost host, int images, int epochs, int rounds, CancellationToken cancellationToken)
    {
        var dataDirectory = Path.Combine(Path.GetTempPath(), $"deepforge-bench-{Guid.NewGuid():n}");
        try
        {
            await using var services = host.Build(dataDirectory);
            var engine = services.GetRequiredService<DeepForgeEngine>();
            await engine.Projects.CreateAsync("bench", "cifar10", cancellationToken);
            random.manual_seed(7);
            using var data = new ImageDataset(randn(images, 3, 32, 32), randint(0, 10, images, ScalarType.Int64), ["a", "b", "c", "d", "e", "f", "g", "h", "i", "j"]);
            await engine.Artifacts.SaveAsync("bench", "traindata", data, cancellationToken);
            var (direct, pipeline, operation) = (double.MaxValue, double.MaxValue, double.MaxValue);
            for (var round = 0; round < rounds; round++)
            {
                // On the threads operations run on, so both loops meet libtorch's threading alike.
                direct = Math.Min(direct, await ComputeThreads.Shared.Run(() => Time(() => DirectLenet.Train(data.Images, data.Labels, epochs, BatchSize, LearningRate, 1)), cancellationToken));
                var (wall, node) = await TimePipelineAsync(engine, epochs, cancellationToken);
                (pipeline, operation) = (Math.Min(pipeline, wall), Math.Min(operation, node));
            }
            var total = (double)images * epochs;
            return new
            {
                Benchmark = "train", Architecture = "lenet", Images = images, Epochs = epochs, BatchSize, Rounds = rounds,
                PipelineImagesPerSecond = Math.Round(total / pipeline, 1), DirectImagesPerSecond = Math.Round(total / direct, 1),
                Ratio = Math.Round(direct / pipeline, 4),
                OperationImagesPerSecond = Math.Round(total / operation, 1), OperationRatio = Math.Round(direct / operation, 4),
            };
        }
        finally
        {
            Directory.Delete(dataDirectory, recursive: true);
        }
    }

    /// <summary>The whole run as a user waits for it, and the train node alone (reading its input, training, storing the model).</summary>
    private static async Task<(double Wall, double Node)> TimePipelineAsync(DeepForgeEngine engine, int epochs, CancellationToken cancellationToken)
    {
        var options = new RunOptions { UseCache = false };
        options.Attributes["train"] = new()
        {
            ["epochs"] = JsonSerializer.SerializeToElement(epochs), ["batchSize"] = JsonSerializer.SerializeToElement(BatchSize),
            ["learningRate"] = JsonSerializer.SerializeToElement(LearningRate), ["seed"] = JsonSerializer.SerializeToElement(1),
        };
        var created = await engine.Executions.CreateAsync("bench", "train", options, cancellationToken);
        var clock = Stopwatch.StartNew();
        var execution = await engine.Executions.ResumeAsync(created.Id, cancellationToken: cancellationToken);
        clock.Stop();
        if (execution.Status != ExecutionStatus.Succeeded) throw new InvalidOperationException($"the train pipeline ended {execution.Status}: {execution.Error}");
        var train = (await engine.Executions.NodesAsync(created.Id, cancellationToken)).Single(n => n.NodeId == "train");
        return (clock.Elapsed.TotalSeconds, (train.FinishedAt!.Value - train.StartedAt!.Value).TotalSeconds);
    }

    private static double Time(Action action)
    {
        var clock = Stopwatch.StartNew();
        action();
        return clock.Elapsed.TotalSeconds;
    }
}
