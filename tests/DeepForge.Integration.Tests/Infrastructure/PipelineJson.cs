using System.Text.Json;
using System.Text.Json.Nodes;

namespace DeepForge.Integration.Tests.Infrastructure;

/// <summary>Writes a pipeline file the way a person would lay it out: nodes, then connections.</summary>
internal sealed class PipelineJson(string name)
{
    private readonly JsonArray _nodes = [];
    private readonly JsonArray _connections = [];

    public string Name { get; } = name;

    public PipelineJson Operation(string id, string operation, object? attributes = null)
    {
        var node = new JsonObject { ["id"] = id, ["operation"] = operation };
        if (attributes != null) node["attributes"] = JsonSerializer.SerializeToNode(attributes);
        _nodes.Add(node);
        return this;
    }

    /// <summary>Worker labels the node needs beyond its operation's own.</summary>
    public PipelineJson Labels(string id, params string[] labels)
    {
        var node = _nodes.Single(n => (string?)n!["id"] == id)!;
        node["labels"] = new JsonArray(labels.Select(l => (JsonNode?)JsonValue.Create(l)).ToArray());
        return this;
    }

    public PipelineJson Input(string id, string artifact)
    {
        _nodes.Add(new JsonObject { ["id"] = id, ["kind"] = "input", ["artifact"] = artifact });
        return this;
    }

    public PipelineJson Output(string id, string artifact)
    {
        _nodes.Add(new JsonObject { ["id"] = id, ["kind"] = "output", ["artifact"] = artifact });
        return this;
    }

    public PipelineJson Connect(string from, string to)
    {
        _connections.Add(new JsonObject { ["from"] = from, ["to"] = to });
        return this;
    }

    public string ToJson() =>
        new JsonObject { ["name"] = Name, ["nodes"] = _nodes.DeepClone(), ["connections"] = _connections.DeepClone() }
            .ToJsonString(new JsonSerializerOptions { WriteIndented = true });
}
