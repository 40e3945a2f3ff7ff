using System.Globalization;
using DeepForge.Integration.Tests.Infrastructure;

namespace DeepForge.Integration.Tests.Sweeps;

/// <summary>A 2×2 sweep of the fashion-mnist seed's training on a small slice of the real data, through the command.</summary>
public sealed class FashionMnistSweepTests : IDisposable
{
    private readonly TempFolder _data = new();
    private readonly Cli _cli;

    public FashionMnistSweepTests() => _cli = new Cli(_data.Path);

    [FashionMnistFact]
    public void Sweep_OfLearningRateByBatchSize_RunsFourExecutions_AndMarksTheLowestTrainingErrorBest()
    {
        CliAssert.Succeeded(_cli.Run("new", "fm", "--seed", "fashion-mnist"));
        // 2000 images: 31 or 62 batches, so the training error graph (a point every 20 batches) has points to judge by.
        CliAssert.Succeeded(_cli.Run("run", "fm", "download-normalize", "--set", "download.trainLimit=2000", "--set", "download.testLimit=100"));

        var result = CliAssert.Succeeded(_cli.Run("sweep", "fm", "train", "--set", "train.learningRate=0.0005,0.003", "--set", "train.batchSize=32,64",
            "--set", "train.epochs=1", "--parallel", "2", "--metric", "Training Error", "--goal", "min"));

        var rows = SweepTableText.Rows(result);
        var trains = ExecutionList.Read(_cli, "fm").Where(e => e.Pipeline == "train").ToList();
        Assert.Equal(4, trains.Count);
        Assert.All(trains, e => Assert.Equal("succeeded", e.Status));
        Assert.Equal(trains.Select(e => e.Id).Order(), rows.Select(r => r["Execution"]).Order());
        Assert.Equal([("0.0005", "32"), ("0.0005", "64"), ("0.003", "32"), ("0.003", "64")],
            rows.Select(r => (r["train.learningRate"], r["train.batchSize"])).Order().ToList());
        var errors = rows.Select(r => double.Parse(r["Training Error"], CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(errors.Order(), errors);
        Assert.Equal(["best", "", "", ""], rows.Select(r => r[""]));
        Assert.Contains(result.StdoutLines, l => l.StartsWith($"Best: execution {rows[0]["Execution"]} ", StringComparison.Ordinal) && l.Contains("(lowest is best)", StringComparison.Ordinal));
    }

    public void Dispose() => _data.Dispose();
}
