using System.Globalization;
using System.Text.RegularExpressions;
using DeepForge.Integration.Tests.Infrastructure;
using Xunit.Abstractions;

namespace DeepForge.Integration.Tests.Images;

/// <summary>The images seed on a folder of generated images, through the command as a person runs it.</summary>
public sealed class ImagesSeedTests : IDisposable
{
    private readonly TempFolder _temp = new();
    private readonly Cli _cli;
    private readonly ITestOutputHelper _output;

    public ImagesSeedTests(ITestOutputHelper output) => (_cli, _output) = (new Cli(_temp["data"]), output);


    [Fact]
    public void Pipelines_OnAGeneratedFolder_TrainAModelThatBeatsChanceByFar()
    {
        var folder = ShapeImages.Write(_temp["shapes"], perClass: 60);
        CliAssert.Succeeded(_cli.Run("new", "x", "--seed", "images"));

        var prepare = CliAssert.Succeeded(_cli.Run("run", "x", "prepare", "-i", $"images={folder}"));
        CliAssert.Succeeded(_cli.Run(TimeSpan.FromMinutes(15), "run", "x", "train"));
        var test = CliAssert.Succeeded(_cli.Run("run", "x", "test"));
        _output.WriteLine(test.Stdout); // the accuracy reached, for whoever reads the run

        Assert.Contains(prepare.StdoutLines, l => l.Contains("read 240 images of 4 classes (circles, hstripes, squares, vstripes) as 3x32x32: 192 for training, 48 for testing"));
        var total = Regex.Match(test.Stdout, @"(\d+) / 48 correct");
        Assert.True(total.Success, test.ToString());
        // Chance is 0.25 for four classes.
        Assert.True(int.Parse(total.Groups[1].Value, CultureInfo.InvariantCulture) >= 0.8 * 48, test.ToString());
        foreach (var name in ShapeImages.Classes)
            Assert.True(test.StdoutLines.Count(l => Regex.IsMatch(l, $@"(^|\| ){name} \d+(\.\d+)? %$")) == 1, $"no single line for class {name}\n{test}");
    }

    [Fact]
    public void Prepare_OnAFolderOfOneClass_FailsWithOneLineNamingIt()
    {
        var folder = ShapeImages.Write(_temp["shapes"], perClass: 2);
        foreach (var name in ShapeImages.Classes[1..]) Directory.Delete(Path.Combine(folder, name), recursive: true);
        CliAssert.Succeeded(_cli.Run("new", "x", "--seed", "images"));

        var run = _cli.Run("run", "x", "prepare", "-i", $"images={folder}");

        Assert.NotEqual(0, run.ExitCode);
        Assert.Contains("has one class folder ('circles'); a classifier needs at least two", run.Stdout + run.Stderr);
        Assert.DoesNotContain("   at ", run.Stdout + run.Stderr);
    }

    public void Dispose() => _temp.Dispose();
}
