using System.Text.Json;
using System.Text.RegularExpressions;
using DeepForge.Integration.Tests.Infrastructure;

namespace DeepForge.Integration.Tests;

/// <summary>The cifar10 seed reading an archive in CIFAR-10's official binary format (CIFAR-10 itself cannot be downloaded here).</summary>
public sealed class Cifar10Tests : IDisposable
{
    private readonly TempFolder _temp = new();
    private readonly Cli _cli;

    public Cifar10Tests() => _cli = new Cli(_temp["data"]);

    [Fact]
    public void Pipelines_OnAnArchiveInTheOfficialBinaryFormat_ReadNormaliseTrainAndTest()
    {
        var archive = _temp["cifar-10-binary.tar.gz"];
        CifarArchive.Write(archive, recordsPerTrainingBatch: 20, testRecords: 20);
        CliAssert.Succeeded(_cli.Run("new", "c", "--seed", "cifar10"));

        var read = CliAssert.Succeeded(_cli.Run("run", "c", "download-normalize", "--input", $"archive={archive}"));

        Assert.Contains(read.StdoutLines, l => l.Contains("Read 100 training and 20 test images"));
        var artifacts = CliAssert.Succeeded(_cli.Run("artifacts", "c", "--json")).StdoutLines
            .Select(l => JsonDocument.Parse(l).RootElement.GetProperty("name").GetString()).ToList();
        Assert.Contains("traindata", artifacts);
        Assert.Contains("testdata", artifacts);
        Assert.Contains("classes", artifacts);

        CliAssert.Succeeded(_cli.Run("run", "c", "train", "--set", "train.epochs=1"));
        var test = CliAssert.Succeeded(_cli.Run("run", "c", "test"));

        Assert.Contains(test.StdoutLines, l => Regex.IsMatch(l, @"\d+ / 20 correct \(\d+(\.\d+)? %\)"));
        foreach (var name in CifarArchive.Classes)
            Assert.True(test.StdoutLines.Count(l => Regex.IsMatch(l, $@"(^|\| ){name} \d+(\.\d+)? %$")) == 1, $"no single line for class {name}\n{test}");
    }

    public void Dispose() => _temp.Dispose();
}
