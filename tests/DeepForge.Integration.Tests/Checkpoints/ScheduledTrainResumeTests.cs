using System.Text.RegularExpressions;
using DeepForge.Integration.Tests.Infrastructure;

namespace DeepForge.Integration.Tests.Checkpoints;

/// <summary>
/// The fashion-mnist seed's Train steps a 1cycle learning-rate schedule after every batch: a run killed mid-training
/// must resume on the schedule where it was, not start the warm-up again.
/// </summary>
public sealed class ScheduledTrainResumeTests : IDisposable
{
    private static readonly TimeSpan Bound = TimeSpan.FromMinutes(10); // two trainings of 4 epochs: 5 minutes was too short under a full test run's load
    private readonly TempFolder _temp = new();
    private readonly Cli _cli;

    public ScheduledTrainResumeTests() => _cli = new Cli(_temp["data"]);

    [FashionMnistFact]
    public void Resume_OfAOneCycleTrainKilledAfterAnEpoch_GoesOnWithTheLearningRatesOfAnUninterruptedRun()
    {
        CliAssert.Succeeded(_cli.Run("new", "fm", "--seed", "fashion-mnist"));
        CliAssert.Succeeded(_cli.Run("run", "fm", "download-normalize", "--set", "download.trainLimit=1000", "--set", "download.testLimit=100"));
        var uninterrupted = LearningRates(CliAssert.Succeeded(_cli.Run(Bound, "run", "fm", "train", "--set", "train.epochs=4")).Stdout);

        string killedOutput;
        using (var run = _cli.Start("run", "fm", "train", "--no-cache", "--set", "train.epochs=4"))
        {
            Eventually.Holds(() => run.Stdout.Contains("epoch 1/4:") || run.HasExited, Bound, () => $"epoch 1 never ended\n{run}");
            Assert.False(run.HasExited, $"the run ended before it was killed\n{run}");
            killedOutput = run.Kill().Stdout;
        }
        var finished = LearningRates(killedOutput).Keys.Max();
        var interrupted = Assert.Single(ExecutionList.Read(_cli, "fm"), e => e.Status == "interrupted");
        var resumed = CliAssert.Succeeded(_cli.Run(Bound, "resume", interrupted.Id));

        Assert.Equal(4, uninterrupted.Count);
        Assert.Contains($"resuming at epoch {finished + 1} of 4 (the checkpoint after epoch {finished}), learning rate {uninterrupted[finished]}", resumed.Stdout);
        Assert.Equal(uninterrupted.Where(e => e.Key > finished), LearningRates(resumed.Stdout));
    }

    public void Dispose() => _temp.Dispose();

    // Each finished epoch's line, "epoch 2/5: mean loss 0.4321, learning rate 0.00275 (3.1 s)": epoch -> learning rate as printed.
    private static SortedDictionary<int, string> LearningRates(string output) =>
        new(Regex.Matches(output, @"epoch (\d+)/\d+: mean loss [\d.]+, learning rate (\S+) \(").ToDictionary(m => int.Parse(m.Groups[1].Value), m => m.Groups[2].Value));
}
