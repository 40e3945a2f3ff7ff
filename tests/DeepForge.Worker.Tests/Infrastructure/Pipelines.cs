using System.Text.Json;
using DeepForge.Models;

namespace DeepForge.Worker.Tests.Infrastructure;

/// <summary>Pipelines of the worker test operations.</summary>
internal static class Pipelines
{
    /// <summary>numbers(count) -> scale(factor) -> sum -> Output "total": three operation nodes.</summary>
    public static PipelineDefinition Chain(int count = 4, double factor = 2, string name = "chain") =>
        Pipeline(name, [Op("numbers", "Numbers", ("count", count)), Op("scale", "Scale", ("factor", factor)), Op("sum", "Sum"), Output("out", "total")],
            ("numbers.values", "scale.values"), ("scale.scaled", "sum.values"), ("sum.total", "out.data"));

    /// <summary>numbers -> slow(ms) -> Output "slowvalues".</summary>
    public static PipelineDefinition Slow(int milliseconds, string name = "slow") =>
        Pipeline(name, [Op("numbers", "Numbers", ("count", 3)), Op("slow", "Slow", ("milliseconds", milliseconds)), Output("out", "slowvalues")],
            ("numbers.values", "slow.values"), ("slow.values", "out.data"));

    /// <summary>diverge, a loss gone NaN -> Output "loss".</summary>
    public static PipelineDefinition Diverge(string name = "diverge") =>
        Pipeline(name, [Op("diverge", "Diverge"), Output("out", "loss")], ("diverge.loss", "out.data"));

    /// <summary>numbers(count) -> slow(ms) -> scale(2) -> Output "scaledvalues": the last output is new content of about 7 bytes a value.</summary>
    public static PipelineDefinition SlowThenScale(int milliseconds, int count, string name = "slowscale") =>
        Pipeline(name, [Op("numbers", "Numbers", ("count", count)), Op("slow", "Slow", ("milliseconds", milliseconds)), Op("scale", "Scale", ("factor", 2.0)), Output("out", "scaledvalues")],
            ("numbers.values", "slow.values"), ("slow.values", "scale.values"), ("scale.scaled", "out.data"));

    /// <summary>hang(pidFile) -> Output "never".</summary>
    public static PipelineDefinition Hang(string pidFile, string name = "hang") =>
        Pipeline(name, [Op("hang", "Hang", ("pidFile", pidFile)), Output("out", "never")], ("hang.values", "out.data"));

    /// <summary>quiet(ms), which writes nothing while it waits -> Output "quietvalues"; the node needs <paramref name="labels"/>.</summary>
    public static PipelineDefinition Quiet(int milliseconds, string name = "quiet", params string[] labels)
    {
        var quiet = Op("quiet", "Quiet", ("milliseconds", milliseconds));
        quiet.Labels.AddRange(labels);
        return Pipeline(name, [quiet, Output("out", "quietvalues")], ("quiet.values", "out.data"));
    }

    private static PipelineDefinition Pipeline(string name, PipelineNode[] nodes, params (string From, string To)[] wires) => new()
    {
        Name = name, Nodes = [.. nodes], Connections = wires.Select(w => new Connection(w.From, w.To)).ToList(),
    };

    private static PipelineNode Op(string id, string operation, params (string Name, object Value)[] attributes) => new()
    {
        Id = id, Kind = NodeKind.Operation, Operation = operation,
        Attributes = attributes.ToDictionary(a => a.Name, a => JsonSerializer.SerializeToElement(a.Value)),
    };

    private static PipelineNode Output(string id, string artifact) => new() { Id = id, Kind = NodeKind.Output, Artifact = artifact };
}
