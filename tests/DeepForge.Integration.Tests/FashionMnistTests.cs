using System.Globalization;
using System.Text.RegularExpressions;
using DeepForge.Integration.Tests.Infrastructure;

namespace DeepForge.Integration.Tests;

/// <summary>The fashion-mnist seed end to end on small slices of the real data, as the README's first steps run it.</summary>
public sealed class FashionMnistTests : IDisposable
{
    private static readonly string[] Classes = ["T-shirt/top", "Trouser", "Pullover", "Dress", "Coat", "Sandal", "Shirt", "Sneaker", "Bag", "Ankle boot"];
    private readonly TempFolder _data = new();
    private readonly Cli _cli;

    public FashionMnistTests() => _cli = new Cli(_data.Path);

    [FashionMnistFact]
    public void Test_AfterDownloadNormalizeAndOneEpochOfTraining_PrintsAccuracyAboveHalfAndOneLinePerClass()
    {
        CliAssert.Succeeded(_cli.Run("new", "fm", "--seed", "fashion-mnist"));
        CliAssert.Succeeded(_cli.Run("run", "fm", "download-normalize", "--set", "download.trainLimit=3000", "--set", "download.testLimit=1000"));
        CliAssert.Succeeded(_cli.Run("run", "fm", "train", "--set", "train.epochs=1"));
        var test = CliAssert.Succeeded(_cli.Run("run", "fm", "test"));

        var overall = test.StdoutLines.Select(l => Regex.Match(l, @"(\d+) / 1000 correct \((\d+(?:\.\d+)?) %\)")).Where(m => m.Success).ToList();
        Assert.True(overall.Count == 1, test.ToString());
        var percent = double.Parse(overall[0].Groups[2].Value, CultureInfo.InvariantCulture);
        Assert.True(percent > 50, $"accuracy {percent} % is not above 50 %\n{test}");
        Assert.Equal(int.Parse(overall[0].Groups[1].Value) / 10.0, percent, 2);
        foreach (var name in Classes)
            Assert.True(test.StdoutLines.Count(l => Regex.IsMatch(l, $@"(^|\| ){Regex.Escape(name)} \d+(\.\d+)? %$")) == 1, $"no single line for class {name}\n{test}");
    }

    public void Dispose() => _data.Dispose();
}
