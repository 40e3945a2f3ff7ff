using DeepForge.Models;

namespace DeepForge.Core.Tests;

/// <summary>Projects defined in code, with the test operations as their source.</summary>
internal static class TestProjects
{
    public static ProjectDefinition Create(params PipelineDefinition[] pipelines) => new()
    {
        Name = "test",
        Pipelines = [.. pipelines],
        Sources = [TestOperations.File],
    };

    public static PipelineBuilder Pipeline(string name = "main") => new(name);

    /// <summary>Numbers(count) -> Scale(factor) -> Sum -> Output "total".</summary>
    public static PipelineBuilder Chain(int count = 4, double factor = 2, string tally = "") =>
        Pipeline()
            .Op("numbers", "Numbers", ("count", count), ("tally", tally))
            .Op("scale", "Scale", ("factor", factor), ("tally", tally))
            .Op("sum", "Sum", ("tally", tally))
            .Output("out", "total")
            .Wire("numbers.values", "scale.values")
            .Wire("scale.scaled", "sum.values")
            .Wire("sum.total", "out.data");

    /// <summary>How many times each operation appended itself to the tally file.</summary>
    public static Dictionary<string, int> ReadTally(string path) =>
        File.Exists(path)
            ? File.ReadAllLines(path).Where(l => l.Length > 0).GroupBy(l => l).ToDictionary(g => g.Key, g => g.Count())
            : [];
}
