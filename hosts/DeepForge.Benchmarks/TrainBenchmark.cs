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
/// Images per second of lenet trained by the cifar10 seed's Train operation through a pipeline (end to end: reading
/// the dataset artifact, training, storing the model) against the same training written directly against TorchSharp
/// (<see cref="DirectLenet"/>), in the same process on the same data and the same compute thread. After a warm-up of
/// both (code compiled, libtorch's threads started), rounds run the two back to back, alternating which goes first.
/// The headline ratio is the median of the rounds' own ratios: the two sides of a round meet the same load, so a
/// neighbour's burst spoils one round instead of moving one side's best, and the median drops such rounds.
/// </summary>
internal static class TrainBenchmark
{
    private const int BatchSize = 32;
    private const double LearningRate = 0.001;
    private const string Node = "train";

    public static async Task<object> RunAsync(BenchHost host, int images, int epochs, int rounds, CancellationToken cancellationToken)
    {
        if (images < BatchSize) throw new DeepForgeException("--images", $"--images must be at least {BatchSize} (one batch)");
        if (epochs < 1) throw new DeepForgeException("--epochs", "--epochs must be 1 or more");
        if (rounds < 1) throw new DeepForgeException("--rounds", "--rounds must be 1 or more");
        var dataDirectory = Path.Combine(Path.GetTempPath(), $"deepforge-bench-{Guid.NewGuid():n}");
        try
        {
            await using var services = host.Build(dataDirectory);
            var engine = services.GetRequiredService<DeepForgeEngine>();
            await engine.Projects.CreateAsync("bench", "cifar10", cancellationToken);
            random.manual_seed(7);
            using var data = new ImageDataset(randn(images, 3, 32, 32), randint(0, 10, images, ScalarType.Int64), ["a", "b", "c", "d", "e", "f", "g", "h", "i", "j"]);
            await engine.Artifacts.SaveAsync("bench", "traindata", data, cancellationToken);
            var load = LoadAverage();
            await DirectAsync(data, 1, cancellationToken);
            await PipelineAsync(engine, 1, cancellationToken);
            var results = new List<TrainRound>();
            for (var round = 0; round < rounds; round++)
            {
                var pipelineFirst = round % 2 == 1;
                var pipeline = pipelineFirst ? await PipelineAsync(engine, epochs, cancellationToken) : default;
                await SettleAsync(cancellationToken);
                var direct = await DirectAsync(data, epochs, cancellationToken);
                await SettleAsync(cancellationToken);
                if (!pipelineFirst) pipeline = await PipelineAsync(engine, epochs, cancellationToken);
                results.Add(new TrainRound(direct.Sample, pipeline.Sample, pipeline.Phases, $"direct {direct.Thread}, pipeline {pipeline.Thread}"));
            }
            var checkpointMs = await ComputeThreads.Shared.Run(() => DirectLenet.CheckpointMs(epochs - 1), cancellationToken);
            var torchThreads = await ComputeThreads.Shared.Run(get_num_threads, cancellationToken);
            return Report(images, epochs, rounds, results, checkpointMs, torchThreads, (load, LoadAverage()));
        }
        finally
        {
            Directory.Delete(dataDirectory, recursive: true);
        }
    }

    private static object Report(int images, int epochs, int rounds, List<TrainRound> results, double checkpointMs, int torchThreads, (string Before, string After) load)
    {
        var total = (double)images * epochs;
        var direct = results.Select(r => r.Direct.WallMs).ToList();
        var pipeline = results.Select(r => r.Pipeline.WallMs).ToList();
        var ratios = results.Select(r => r.Direct.WallMs / r.Pipeline.WallMs).ToList();
        double Phase(Func<TrainPhases, double> phase) => Math.Round(TrainSpread.MedianOf(results.Select(r => phase(r.Phases))), 1);
        return new
        {
            Benchmark = "train", Architecture = "lenet", Images = images, Epochs = epochs, BatchSize, Rounds = rounds,
            Ratio = Math.Round(TrainSpread.MedianOf(ratios), 4),
            RatioBasis = "median over rounds of bare wall / pipeline wall, the two run back to back",
            RatioSpread = new { Lowest = Math.Round(ratios.Min(), 4), Highest = Math.Round(ratios.Max(), 4) },
            RatioOfBest = Math.Round(direct.Min() / pipeline.Min(), 4),
            CpuRatio = Math.Round(TrainSpread.MedianOf(results.Select(r => r.Direct.CpuMs / r.Pipeline.CpuMs)), 4),
            OperationRatio = Math.Round(TrainSpread.MedianOf(results.Select(r => r.Direct.WallMs / r.Phases.Loop)), 4),
            PipelineImagesPerSecond = Math.Round(total * 1000 / TrainSpread.MedianOf(pipeline), 1),
            DirectImagesPerSecond = Math.Round(total * 1000 / TrainSpread.MedianOf(direct), 1),
            Pipeline = Side(results.Select(r => r.Pipeline).ToList()),
            Direct = Side(results.Select(r => r.Direct).ToList()),
            PhasesMs = new
            {
                Create = Phase(p => p.Create), Start = Phase(p => p.Start), Input = Phase(p => p.Input), Loop = Phase(p => p.Loop), Output = Phase(p => p.Output), Finish = Phase(p => p.Finish),
                LoopOverBare = Math.Round(TrainSpread.MedianOf(results.Select(r => r.Phases.Loop - r.Direct.WallMs)), 1),
                CheckpointSerialisation = Math.Round(checkpointMs, 1),
            },
            Threads = results.Select(r => r.Threads).Distinct().ToList(), TorchThreads = torchThreads,
            LoadAverage = new { load.Before, load.After },
        };
    }

    private static object Side(List<TrainSample> samples) => new
    {
        WallMs = TrainSpread.Of(samples.Select(s => s.WallMs)), CpuMs = TrainSpread.Of(samples.Select(s => s.CpuMs)),
        GcPauseMs = TrainSpread.Of(samples.Select(s => s.GcPauseMs)),
    };

    /// <summary>
    /// Waits until the first compute thread takes work again: the thread that ran the last side marks itself idle a
    /// moment after that side's result is seen (longer when the machine preempts it), and a side queued before would
    /// run on the second thread, with another OpenMP team, and not like for like. On a loaded machine it can still
    /// happen; the report's threads say where each side ran.
    /// </summary>
    private static async Task SettleAsync(CancellationToken cancellationToken)
    {
        for (var attempt = 0; attempt < 100; attempt++)
        {
            var first = await ComputeThreads.Shared.Run(() => Thread.CurrentThread.Name, cancellationToken) == "deepforge-compute-0";
            // Also after a success: that thread marks itself idle only after its result is seen (a preempted thread, later).
            await Task.Delay(20, cancellationToken);
            if (first) return;
        }
    }

    /// <summary>The bare loop, on the threads operations run on, so both loops meet libtorch's threading alike.</summary>
    private static async Task<(TrainSample Sample, string? Thread)> DirectAsync(ImageDataset data, int epochs, CancellationToken cancellationToken)
    {
        string? thread = null;
        var sample = await TrainSample.MeasureAsync(() => ComputeThreads.Shared.Run(() =>
        {
            thread = Thread.CurrentThread.Name;
            DirectLenet.Train(data.Images, data.Labels, epochs, BatchSize, LearningRate, 1);
            return true;
        }, cancellationToken));
        return (sample, thread);
    }

    /// <summary>The whole run as a user waits for it, with its phases.</summary>
    private static async Task<(TrainSample Sample, TrainPhases Phases, string? Thread)> PipelineAsync(DeepForgeEngine engine, int epochs, CancellationToken cancellationToken)
    {
        var options = new RunOptions { UseCache = false };
        options.Attributes[Node] = new()
        {
            ["epochs"] = JsonSerializer.SerializeToElement(epochs), ["batchSize"] = JsonSerializer.SerializeToElement(BatchSize),
            ["learningRate"] = JsonSerializer.SerializeToElement(LearningRate), ["seed"] = JsonSerializer.SerializeToElement(1),
        };
        var timeline = new PipelineTimeline(Node);
        ExecutionRecord? execution = null;
        var sample = await TrainSample.MeasureAsync(async () =>
        {
            var created = await engine.Executions.CreateAsync("bench", "train", options, cancellationToken);
            timeline.Created();
            execution = await engine.Executions.ResumeAsync(created.Id, timeline, cancellationToken);
        });
        var phases = timeline.Phases(Stopwatch.GetTimestamp());
        if (execution!.Status != ExecutionStatus.Succeeded) throw new InvalidOperationException($"the train pipeline ended {execution.Status}: {execution.Error}");
        return (sample, phases, timeline.LoopThread);
    }

    private static string LoadAverage() => File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "unknown";
}
