using System.Text.Json;
using DeepForge.Models;

namespace DeepForge.Server.Tests.Infrastructure;

/// <summary>A project whose operations are small C# sources the server compiles with Roslyn; the test workers stand in for running them.</summary>
internal static class TestProjects
{
    public const string Source = """
        namespace TestOps;

        public sealed class Numbers([System.ComponentModel.DataAnnotations.Range(1, 1000)] int count = 3) : Operation
        {
            [return: Output("values")]
            public int[] Execute() => Enumerable.Range(1, count).ToArray();
        }

        public sealed class Scale(double factor = 1) : Operation
        {
            [return: Output("scaled")]
            public double[] Execute(int[] values) => values.Select(v => v * factor).ToArray();
        }

        public sealed class Sum : Operation
        {
            [return: Output("total")]
            public double Execute(double[] values) => values.Sum();
        }

        public sealed class Diverge : Operation
        {
            [return: Output("loss")]
            public double Execute(OperationContext context)
            {
                context.Graph("Loss").Line("train").Add(0, double.NaN).Add(1, double.PositiveInfinity);
                return double.NaN;
            }
        }

        [Operation(Labels = new[] { "gpu" })]
        public sealed class GpuNumbers : Operation
        {
            [return: Output("values")]
            public int[] Execute() => [1, 2, 3];
        }
        """;

    /// <summary>
    /// chain: numbers(count 3) -> scale(factor 2) -> sum -> Output "total" (12);
    /// single: numbers -> Output "values"; gpu: a gpu operation -> Output "gpuvalues";
    /// reads: Input "dataset" -> Output "copy"; diverge: a loss that went NaN -> Output "loss".
    /// </summary>
    public static ProjectDefinition Create(string name = "demo") => new()
    {
        Name = name,
        Sources = [new SourceFile("TestOps.cs", Source)],
        Pipelines =
        [
            Pipeline("chain", [Op("numbers", "Numbers", ("count", 3)), Op("scale", "Scale", ("factor", 2.0)), Op("sum", "Sum"), Output("out", "total")],
                ("numbers.values", "scale.values"), ("scale.scaled", "sum.values"), ("sum.total", "out.data")),
            Pipeline("single", [Op("numbers", "Numbers", ("count", 3)), Output("out", "values")], ("numbers.values", "out.data")),
            Pipeline("diverge", [Op("diverge", "Diverge"), Output("out", "loss")], ("diverge.loss", "out.data")),
            Pipeline("gpu", [Op("gpu", "GpuNumbers"), Output("out", "gpuvalues")], ("gpu.values", "out.data")),
            Pipeline("reads", [new PipelineNode { Id = "data", Kind = NodeKind.Input, Artifact = "dataset" }, Output("copy", "copy")], ("data.data", "copy.data")),
        ],
    };

    internal static PipelineDefinition Pipeline(string name, PipelineNode[] nodes, params (string From, string To)[] wires) => new()
    {
        Name = name, Nodes = [.. nodes], Connections = wires.Select(w => new Connection(w.From, w.To)).ToList(),
    };

    internal static PipelineNode Op(string id, string operation, params (string Name, object Value)[] attributes) => new()
    {
        Id = id, Kind = NodeKind.Operation, Operation = operation,
        Attributes = attributes.ToDictionary(a => a.Name, a => JsonSerializer.SerializeToElement(a.Value)),
    };

    internal static PipelineNode Output(string id, string artifact) => new() { Id = id, Kind = NodeKind.Output, Artifact = artifact };
}
