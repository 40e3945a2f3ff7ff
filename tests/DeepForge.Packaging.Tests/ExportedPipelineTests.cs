using System.Text.Json;

namespace DeepForge.Packaging.Tests;

/// <summary>
/// <c>deepforge export</c> as a user gets it: the installed tool runs a pipeline with a file input and exports it; the
/// export builds with <c>dotnet build</c> against the packed feed and, run on the same file, writes the same outputs.
/// </summary>
[Collection(PackagedCollection.Name), Trait("Speed", "slow")] // SLOW: shares the packing fixture, then builds the export
public sealed class ExportedPipelineTests(PackagedDeepForge packaged)
{
    private const string Operations = """
        [Operation(Category = "Test")]
        public sealed class CountWords(int times = 1) : Operation
        {
            [return: Output("count")]
            public int Execute(DeepForge.Data.DataFile file) => File.ReadAllText(file.Path).Split(' ', StringSplitOptions.RemoveEmptyEntries).Length * times;
        }

        [Operation(Category = "Test")]
        public sealed class Shout : Operation
        {
            [return: Output("text")]
            public string Execute(DeepForge.Data.DataFile file) => File.ReadAllText(file.Path).ToUpperInvariant();
        }
        """;

    private const string Pipeline = """
        {
          "name": "measure",
          "nodes": [
            { "id": "data", "kind": "input", "artifact": "data-file" },
            { "id": "count", "operation": "CountWords", "attributes": { "times": 2 } },
            { "id": "shout", "operation": "Shout" }
          ],
          "connections": [ { "from": "data.data", "to": "count.file" }, { "from": "data.data", "to": "shout.file" } ]
        }
        """;

    [Fact]
    public async Task An_exported_pipeline_builds_against_the_feed_and_writes_the_outputs_the_run_in_DeepForge_wrote()
    {
        var work = packaged.NewDataDirectory();
        var data = Path.Combine(work, "data");
        var input = Path.Combine(work, "input.txt");
        File.WriteAllText(input, "the quick brown fox jumps over the lazy dog\n");
        (await packaged.RunAsync(data, "new", "w", "--from", WriteSeed(work))).Succeeded("deepforge new --from");
        var run = (await packaged.RunAsync(data, "run", "w", "measure", "--input", $"data={input}", "--json")).Succeeded("deepforge run");
        var export = Path.Combine(work, "export");

        (await packaged.RunAsync(data, "export", "w", "measure", "-o", export, "--feed", packaged.Feed)).Succeeded("deepforge export");
        (await Processes.DotnetAsync(export, "build", "-c", "Release", "-nologo", "-v", "quiet")).Succeeded("dotnet build of the export");
        var exported = (await Processes.DotnetAsync(export, "run", "-c", "Release", "--no-build", "--", $"data={input}", "--out", Path.Combine(work, "outputs")))
            .Succeeded("the exported program");

        var expected = RunOutputs(run.Output);
        Assert.Equal(["count.count", "data.data", "shout.text"], expected.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(expected, PrintedHashes(exported.Output));
        foreach (var (file, hash) in expected)
            Assert.Equal(hash, Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(File.ReadAllBytes(Path.Combine(work, "outputs", file)))));
    }

    private static string WriteSeed(string folder)
    {
        var seed = Path.Combine(folder, "seed");
        Directory.CreateDirectory(Path.Combine(seed, "pipelines"));
        Directory.CreateDirectory(Path.Combine(seed, "operations"));
        File.WriteAllText(Path.Combine(seed, "seed.json"), """{ "description": "counts words" }""");
        File.WriteAllText(Path.Combine(seed, "operations", "Ops.cs"), Operations);
        File.WriteAllText(Path.Combine(seed, "pipelines", "measure.json"), Pipeline);
        return seed;
    }

    // node.output -> hash, from `deepforge run --json`.
    private static Dictionary<string, string> RunOutputs(string json)
    {
        using var document = JsonDocument.Parse(json);
        Assert.Equal("succeeded", document.RootElement.GetProperty("status").GetString());
        return document.RootElement.GetProperty("nodes").EnumerateArray()
            .SelectMany(node => node.GetProperty("outputs").EnumerateObject()
                .Select(output => (Key: $"{node.GetProperty("nodeId").GetString()}.{output.Name}", Hash: output.Value.GetProperty("hash").GetString()!)))
            .ToDictionary(o => o.Key, o => o.Hash);
    }

    // "hash  path" lines -> file name -> hash.
    private static Dictionary<string, string> PrintedHashes(string output) =>
        output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(line => line.Split("  ", 2))
            .ToDictionary(parts => Path.GetFileName(parts[1]), parts => parts[0]);
}
