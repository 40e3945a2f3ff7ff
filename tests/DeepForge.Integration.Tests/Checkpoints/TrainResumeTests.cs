using System.Text.RegularExpressions;
using DeepForge.Integration.Tests.Infrastructure;

namespace DeepForge.Integration.Tests.Checkpoints;

/// <summary>The seeds' Train checkpoints every epoch: a run killed with SIGKILL mid-training resumes at the epoch it was in.</summary>
public sealed class TrainResumeTests : IDisposable
{
    private static readonly TimeSpan Bound = TimeSpan.FromMinutes(5);
    private readonly TempFolder _temp = new();
    private readonly Cli _cli;

    public TrainResumeTests() => _cli = new Cli(_temp["data"]);

    [FashionMnistFact]
    public void Resume_OfATrainKilledInEpochThreeOfFive_ContinuesAtEpochThreeAndFinishes()
    {
        CliAssert.Succeeded(_cli.Run("new", "fm", "--seed", "fashion-mnist"));
        CliAssert.Succeeded(_cli.Run("run", "fm", "download-normalize", "--set", "download.trainLimit=2000", "--set", "download.testLimit=100"));

        string killedOutput;
        using (var run = _cli.Start("run", "fm", "train", "--set", "train.epochs=5"))
        {
            // Train stores the checkpoint of an epoch before it prints the epoch's line: past "epoch 2/5:" it is in epoch 3.
            Eventually.Holds(() => run.Stdout.Contains("epoch 2/5:") || run.HasExited, Bound, () => $"epoch 2 never ended\n{run}");
            Assert.False(run.HasExited, $"the run ended before it was killed\n{run}");
            killedOutput = run.Kill().Stdout;
        }
        var finished = FinishedEpochs(killedOutput);
        var interrupted = Assert.Single(ExecutionList.Read(_cli, "fm"), e => e.Pipeline == "train");
        Assert.Equal("interrupted", interrupted.Status);

        var resumed = CliAssert.Succeeded(_cli.Run(Bound, "resume", interrupted.Id));

        Assert.Contains($"resuming at epoch {finished + 1} of 5", resumed.Stdout);
        Assert.Equal(Enumerable.Range(finished + 1, 5 - finished).ToArray(), EpochsIn(resumed.Stdout));
        Assert.Equal("succeeded", Assert.Single(ExecutionList.Read(_cli, "fm"), e => e.Pipeline == "train").Status);
        Assert.Equal(2, finished); // killed in epoch 3 as asked; a slower machine still resumes right, so this comes last
    }

    [FashionMnistFact]
    public void BlobsGc_WhileATrainIsInterrupted_KeepsItsCheckpointAndFreesItOnceTheTrainSucceeded()
    {
        CliAssert.Succeeded(_cli.Run("new", "fm", "--seed", "fashion-mnist"));
        CliAssert.Succeeded(_cli.Run("run", "fm", "download-normalize", "--set", "download.trainLimit=1000", "--set", "download.testLimit=100"));
        using (var run = _cli.Start("run", "fm", "train", "--set", "train.epochs=3"))
        {
            Eventually.Holds(() => run.Stdout.Contains("epoch 1/3:") || run.HasExited, Bound, () => $"epoch 1 never ended\n{run}");
            Assert.False(run.HasExited, $"the run ended before it was killed\n{run}");
            run.Kill();
        }
        var interrupted = Assert.Single(ExecutionList.Read(_cli, "fm"), e => e.Pipeline == "train");

        CliAssert.Succeeded(_cli.Run("blobs", "gc", "--grace", "0s"));
        var resumed = CliAssert.Succeeded(_cli.Run(Bound, "resume", interrupted.Id));
        var after = CliAssert.Succeeded(_cli.Run("blobs", "gc", "--grace", "0s"));

        Assert.Contains("resuming at epoch", resumed.Stdout);
        Assert.True(FreedBlobs(after.Stdout) >= 2, $"the checkpoints of epochs 1 and 2 should be freed once the train succeeded\n{after}");
    }

    public void Dispose() => _temp.Dispose();

    private static int FinishedEpochs(string output) => EpochsIn(output).DefaultIfEmpty(0).Max();

    private static int[] EpochsIn(string output) =>
        Regex.Matches(output, @"epoch (\d+)/\d+: mean loss").Select(m => int.Parse(m.Groups[1].Value)).ToArray();

    private static int FreedBlobs(string output) =>
        Regex.Match(output, @"Freed (\d+) blob") is { Success: true } m ? int.Parse(m.Groups[1].Value) : throw new InvalidOperationException($"no count of freed blobs in: {output}");
}
