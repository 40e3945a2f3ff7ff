using DeepForge.Integration.Tests.Infrastructure;
using Xunit.Abstractions;

namespace DeepForge.Integration.Tests;

/// <summary>
/// The seeds' operations declare ranges (<c>epochs &gt;= 1</c>, <c>learningRate &gt; 0</c>, limits &gt;= 0); a run whose
/// values are outside them is refused by the command before anything starts: exit code 2 and one line naming
/// node, attribute, value and range.
/// </summary>
public sealed class AttributeRangeTests : IDisposable
{
    private readonly TempFolder _temp = new();
    private readonly Cli _cli;
    private readonly ITestOutputHelper _output;

    public AttributeRangeTests(ITestOutputHelper output) => (_cli, _output) = (new Cli(_temp["data"]), output);

    [Fact]
    public void Run_OfTrainWithZeroEpochs_IsRefusedInOneLine_AndNothingStarts()
    {
        var archive = _temp["cifar-10-binary.tar.gz"];
        CifarArchive.Write(archive, recordsPerTrainingBatch: 2, testRecords: 2);
        CliAssert.Succeeded(_cli.Run("new", "c", "--seed", "cifar10"));
        CliAssert.Succeeded(_cli.Run("run", "c", "download-normalize", "--input", $"archive={archive}"));

        var result = Refused("c", "train", "train.epochs=0");

        Assert.Equal("error: node 'train' attribute 'epochs' is 0, outside its range: at least 1", result.Stderr.Trim());
    }

    [Fact]
    public void Run_WithAnExclusiveMinimumGiven_IsRefusedNamingTheRange()
    {
        CliAssert.Succeeded(_cli.Run("new", "c", "--seed", "cifar10"));

        var result = Refused("c", "train", "train.learningRate=0");

        CliAssert.BadInput(result, "node 'train' attribute 'learningRate' is 0, outside its range: greater than 0");
    }

    [Fact]
    public void Run_WithANegativeLimit_IsRefusedInOneLine()
    {
        CliAssert.Succeeded(_cli.Run("new", "fm", "--seed", "fashion-mnist"));

        var result = Refused("fm", "download-normalize", "download.trainLimit=-1");

        Assert.Equal("error: node 'download' attribute 'trainLimit' is -1, outside its range: at least 0", result.Stderr.Trim());
    }

    [Fact]
    public void Run_WithANumberTooLargeForItsType_IsRefused_NotTurnedIntoInfinity()
    {
        CliAssert.Succeeded(_cli.Run("new", "fm", "--seed", "fashion-mnist"));

        var result = Refused("fm", "download-normalize", "download.trainLimit=1e400");

        CliAssert.BadInput(result, "node 'download' attribute 'trainLimit' is 1e400, which does not fit in a whole number of type int");
    }

    [Fact]
    public void Run_WithAnEnumValueOutsideTheEnum_IsRefusedNamingTheNamesItAllows()
    {
        CliAssert.Succeeded(_cli.Run("new", "c", "--seed", "cifar10"));

        var result = Refused("c", "train", "train.optimizer=Momentum");

        CliAssert.BadInput(result, "node 'train' attribute 'optimizer' must be one of Sgd, Adam, not \"Momentum\"");
    }

    public void Dispose() => _temp.Dispose();

    /// <summary>Runs the pipeline with one <c>--set</c>, expects exit code 2, and checks no execution was stored.</summary>
    private CliResult Refused(string project, string pipeline, string setting)
    {
        var before = CliAssert.Succeeded(_cli.Run("executions", project, "--json")).Stdout;

        var result = _cli.Run("run", project, pipeline, "--set", setting);
        _output.WriteLine(result.ToString());

        Assert.True(result.ExitCode == 2, $"expected exit 2 (bad input)\n{result}");
        Assert.Equal(before, CliAssert.Succeeded(_cli.Run("executions", project, "--json")).Stdout);
        return result;
    }
}
