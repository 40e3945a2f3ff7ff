using System.Globalization;
using System.Text.RegularExpressions;
using DeepForge.Integration.Tests.Infrastructure;

namespace DeepForge.Integration.Tests.Export;

/// <summary>
/// A data folder with project 'fm' of the fashion-mnist seed, trained for one epoch on a slice of the real data
/// and tested by its own test pipeline, through the command; made once for the tests that export or embed its model.
/// </summary>
public sealed class TrainedFashionMnist : IDisposable
{
    public const int TrainImages = 2000;
    public const int TestImages = 500;
    private readonly TempFolder _temp = new("deepforge-export");

    public TrainedFashionMnist()
    {
        Cli = new Cli(_temp["data"]);
        // Without the data every test using this is skipped; nothing to prepare.
        if (!File.Exists(Path.Combine(FashionMnistFactAttribute.Folder, "t10k-images-idx3-ubyte.gz"))) return;
        CliAssert.Succeeded(Cli.Run("new", "fm", "--seed", "fashion-mnist"));
        var normalize = CliAssert.Succeeded(Cli.Run("run", "fm", "download-normalize",
            "--set", $"download.trainLimit={TrainImages}", "--set", $"download.testLimit={TestImages}"));
        var statistics = Regex.Match(normalize.Stdout, @"channel 0: mean (\d+\.\d+), standard deviation (\d+\.\d+)");
        Assert.True(statistics.Success, normalize.ToString());
        (Mean, StandardDeviation) = (Number(statistics.Groups[1].Value), Number(statistics.Groups[2].Value));
        CliAssert.Succeeded(Cli.Run(TimeSpan.FromMinutes(10), "run", "fm", "train", "--set", "train.epochs=1"));
        var test = CliAssert.Succeeded(Cli.Run("run", "fm", "test"));
        var correct = Regex.Match(test.Stdout, $@"(\d+) / {TestImages} correct");
        Assert.True(correct.Success, test.ToString());
        TestCorrect = int.Parse(correct.Groups[1].Value, CultureInfo.InvariantCulture);
    }

    internal Cli Cli { get; }

    /// <summary>A folder for the tests' own files.</summary>
    public string Folder(string name) => Directory.CreateDirectory(_temp[name]).FullName;

    /// <summary>The training set's mean and standard deviation that download-normalize printed (to four places).</summary>
    public double Mean { get; }

    public double StandardDeviation { get; }

    /// <summary>How many of the first <see cref="TestImages"/> test images the seed's test pipeline classified correctly.</summary>
    public int TestCorrect { get; }

    private static double Number(string text) => double.Parse(text, CultureInfo.InvariantCulture);

    public void Dispose() => _temp.Dispose();
}
