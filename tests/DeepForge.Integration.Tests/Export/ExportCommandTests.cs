using System.IO.Compression;
using System.Net.Http.Json;
using System.Text.Json;
using DeepForge.Integration.Tests.Infrastructure;

namespace DeepForge.Integration.Tests.Export;

/// <summary><c>deepforge artifacts export</c> on a model the fashion-mnist seed trained, and the exported model at work outside DeepForge.</summary>
[Collection(TrainedFashionMnistCollection.Name)]
public sealed class ExportCommandTests(TrainedFashionMnist trained)
{
    private static readonly string[] Classes = ["T-shirt/top", "Trouser", "Pullover", "Dress", "Coat", "Sandal", "Shirt", "Sneaker", "Bag", "Ankle boot"];

    [FashionMnistFact]
    public async Task ExportedOnnx_ServedByTheSampleApp_ClassifiesTheTestImagesAsTheSeedsTestPipelineDid()
    {
        var onnx = Path.Combine(trained.Folder("onnx"), "fm.onnx");
        CliAssert.Succeeded(trained.Cli.Run("artifacts", "export", "fm", "myModel", "--format", "onnx", "-o", onnx));
        using var sample = new OnnxSample(onnx, string.Join(",", Classes));
        using var http = new HttpClient { BaseAddress = new Uri(sample.Address!) };
        var images = FashionMnistFiles.TestImages(TrainedFashionMnist.TestImages, trained.Mean, trained.StandardDeviation);
        var labels = FashionMnistFiles.TestLabels(TrainedFashionMnist.TestImages);

        using var response = await http.PostAsJsonAsync("/predict", new { images });
        var body = await response.Content.ReadAsStringAsync();

        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode} {body}\n{sample}");
        var predictions = JsonDocument.Parse(body).RootElement.EnumerateArray().ToList();
        Assert.Equal(TrainedFashionMnist.TestImages, predictions.Count);
        var correct = predictions.Where((p, i) => p.GetProperty("class").GetInt32() == labels[i]).Count();
        // The sample normalises with the statistics as printed (four places), so an image on the edge may fall the other way.
        Assert.InRange(correct, trained.TestCorrect - 2, trained.TestCorrect + 2);
        Assert.Equal(Classes[predictions[0].GetProperty("class").GetInt32()], predictions[0].GetProperty("label").GetString());
    }

    [FashionMnistFact]
    public void ExportPytorch_WritesATorchSaveArchiveWithEveryWeightOfTheCnn()
    {
        var folder = trained.Folder("pytorch");

        var result = CliAssert.Succeeded(trained.Cli.Run("artifacts", "export", "fm", "myModel", "--format", "pytorch", "-o", folder));

        var file = Path.Combine(folder, "myModel.pt");
        Assert.Contains($"to {file}", result.Stdout);
        using var archive = ZipFile.OpenRead(file);
        Assert.Contains(archive.Entries, e => e.FullName.EndsWith("/data.pkl", StringComparison.Ordinal));
        var pickle = archive.Entries.Single(e => e.FullName.EndsWith("/data.pkl", StringComparison.Ordinal));
        using var reader = new StreamReader(pickle.Open());
        var text = reader.ReadToEnd();
        foreach (var name in new[] { "conv1.weight", "conv2.bias", "fc1.weight", "fc2.bias" }) Assert.Contains(name, text);
    }

    [FashionMnistFact]
    public void Export_IsRefusedInOneLineAndWritesNothing_WhenTheFormatIsUnknown() =>
        AssertRefused(["artifacts", "export", "fm", "myModel", "--format", "tflite"], "'tflite' is not an export format; known formats: onnx, pytorch");

    [FashionMnistFact]
    public void Export_IsRefusedInOneLineAndWritesNothing_WhenTheArtifactIsNoModel() =>
        AssertRefused(["artifacts", "export", "fm", "classes", "--format", "onnx"], "artifact 'classes' is a String[], which cannot be exported as onnx; no format exports it");

    [FashionMnistFact]
    public void Export_IsRefusedInOneLineAndWritesNothing_WhenTheArtifactDoesNotExist() =>
        AssertRefused(["artifacts", "export", "fm", "noSuchModel", "--format", "onnx"], "project 'fm' has no artifact 'noSuchModel'");

    private void AssertRefused(string[] arguments, string message)
    {
        var folder = trained.Folder($"refused-{Guid.NewGuid():n}");
        var existing = Path.Combine(folder, "model.onnx");
        File.WriteAllText(existing, "kept");

        OneLineError.Assert(trained.Cli.Run([.. arguments, "-o", existing]), 2, message);

        Assert.Equal("kept", File.ReadAllText(existing));
        Assert.Equal([existing], Directory.GetFiles(folder));
    }
}
