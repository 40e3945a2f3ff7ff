using System.Text.Json;
using DeepForge.Models;

namespace DeepForge.Benchmarks;

/// <summary>The graphs <c>bench engine</c> runs: a chain, and one source fanned out to many.</summary>
internal static class BenchPipelines
{
    public static PipelineDefinition Chain(int nodes)
    {
        var pipeline = new PipelineDefinition { Name = "chain" };
        for (var i = 0; i < nodes; i++)
        {
            pipeline.Nodes.Add(Node(i));
            if (i > 0) pipeline.Connections.Add(new Connection($"n{i - 1}.value", $"n{i}.value"));
        }
        return pipeline;
    }

    public static PipelineDefinition Wide(int nodes)
    {
        var pipeline = new PipelineDefinition { Name = "wide" };
        pipeline.Nodes.Add(Node(0));
        for (var i = 1; i < nodes; i++)
        {
            pipeline.Nodes.Add(Node(i));
            pipeline.Connections.Add(new Connection("n0.value", $"n{i}.value"));
        }
        return pipeline;
    }

    private static PipelineNode Node(int i) => new()
    {
        Id = $"n{i}", Operation = nameof(NoOp), Attributes = { ["id"] = JsonSerializer.SerializeToElement(i) },
    };
}
