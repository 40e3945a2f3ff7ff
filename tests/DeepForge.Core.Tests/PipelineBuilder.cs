using System.Text.Json;
using DeepForge.Models;

namespace DeepForge.Core.Tests;

/// <summary>Writes pipelines in tests: nodes, attributes and wires.</summary>
internal sealed class PipelineBuilder(string name)
{
    private readonly PipelineDefinition _pipeline = new() { Name = name };

    public PipelineBuilder Op(string id, string operation, params (string Name, object Value)[] attributes) =>
        Add(new PipelineNode
        {
            Id = id, Kind = NodeKind.Operation, Operation = operation,
            Attributes = attributes.ToDictionary(a => a.Name, a => JsonSerializer.SerializeToElement(a.Value)),
        });

    public PipelineBuilder Input(string id, string artifact) => Add(new PipelineNode { Id = id, Kind = NodeKind.Input, Artifact = artifact });

    public PipelineBuilder Output(string id, string artifact) => Add(new PipelineNode { Id = id, Kind = NodeKind.Output, Artifact = artifact });

    /// <summary>Changes the last node added.</summary>
    public PipelineBuilder With(Action<PipelineNode> change)
    {
        change(_pipeline.Nodes[^1]);
        return this;
    }

    public PipelineBuilder Wire(string from, string to)
    {
        _pipeline.Connections.Add(new Connection(from, to));
        return this;
    }

    public PipelineDefinition Build() => _pipeline;

    public static implicit operator PipelineDefinition(PipelineBuilder builder) => builder.Build();

    private PipelineBuilder Add(PipelineNode node)
    {
        _pipeline.Nodes.Add(node);
        return this;
    }
}
