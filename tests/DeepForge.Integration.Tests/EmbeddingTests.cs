using DeepForge.Integration.Tests.Infrastructure;

namespace DeepForge.Integration.Tests;

/// <summary>The README's embedding example, compiled and run verbatim as a console program of its own.</summary>
public sealed class EmbeddingTests : IDisposable
{
    private static readonly string[] FashionMnistClasses = ["T-shirt/top", "Trouser", "Pullover", "Dress", "Coat", "Sandal", "Shirt", "Sneaker", "Bag", "Ankle boot"];
    private readonly TempFolder _temp = new("deepforge-embedding");

    [FashionMnistFact]
    public void ReadmeEmbeddingExample_BuiltAsAConsoleProgram_RunsTheSeedsPipelineAndPrintsTheClasses()
    {
        var data = _temp["data"];

        var result = ReadmeConsoleApp.Run(_temp["app"], "<!-- embedding-example -->", new Dictionary<string, string> { ["DEEPFORGE_DATA_DIR"] = data }, Repository.Seeds, data);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("download-normalize: Succeeded", result.StdoutLines);
        foreach (var name in FashionMnistClasses) Assert.Contains(name, result.StdoutLines);
    }

    public void Dispose() => _temp.Dispose();
}
