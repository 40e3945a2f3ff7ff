using System.Text.RegularExpressions;
using DeepForge.Integration.Tests.Infrastructure;

namespace DeepForge.Integration.Tests.Export;

/// <summary>The README's model-embedding example (forge.Models.LoadAsync, Classify), compiled and run verbatim as a console program of its own.</summary>
[Collection(TrainedFashionMnistCollection.Name)]
public sealed class EmbeddedModelTests(TrainedFashionMnist trained)
{
    [FashionMnistFact]
    public void ReadmePredictExample_OnTheTrainedProject_ClassifiesTheTestImagesAsTheSeedsTestPipelineDid()
    {
        var result = ReadmeConsoleApp.Run(trained.Folder("predict-app"), "<!-- embedding-predict-example -->", new Dictionary<string, string>(), trained.Cli.DataDirectory);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains($"{trained.TestCorrect} / {TrainedFashionMnist.TestImages} correct", result.StdoutLines);
        Assert.Contains(result.StdoutLines, l => Regex.IsMatch(l, "^the first test image is a (T-shirt/top|Trouser|Pullover|Dress|Coat|Sandal|Shirt|Sneaker|Bag|Ankle boot)$"));
    }
}
