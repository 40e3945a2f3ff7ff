using System.Text.Json;
using DeepForge.Models;

namespace DeepForge.Designer.PipelineEditor;

/// <summary>
/// The pipeline editor's edits, each a small change applied to whatever version of the project is latest
/// (see ProjectEdits), so that two people editing one pipeline keep each other's work. Each returns whether it changed anything.
/// </summary>
internal static class PipelineEdits
{
    public static Func<ProjectDefinition, bool> Move(string pipeline, string node, double x, double y) => p =>
    {
        var position = new NodePosition(Math.Round(x), Math.Round(y));
        if (Node(p, pipeline, node) is not { } n || n.Position == position) return false;
        n.Position = position;
        return true;
    };

    public static Func<ProjectDefinition, bool> Connect(string pipeline, string from, string to) => p =>
    {
        var connections = Pipeline(p, pipeline).Connections;
        if (connections.Any(c => c.To == to)) return false; // an input takes one: the first to arrive wins
        connections.Add(new Connection(from, to));
        return true;
    };

    public static Func<ProjectDefinition, bool> Disconnect(string pipeline, string from, string to) => p =>
        Pipeline(p, pipeline).Connections.RemoveAll(c => c.From == from && c.To == to) > 0;

    public static Func<ProjectDefinition, bool> Add(string pipeline, PipelineNode node) => p =>
    {
        var target = Pipeline(p, pipeline);
        if (target.FindNode(node.Id) != null) throw new DeepForgeException($"node '{node.Id}'", $"pipeline '{pipeline}' already has a node '{node.Id}'");
        target.Nodes.Add(node);
        return true;
    };

    public static Func<ProjectDefinition, bool> Remove(string pipeline, string node) => p =>
    {
        var target = Pipeline(p, pipeline);
        target.Connections.RemoveAll(c => c.From.StartsWith(node + ".", StringComparison.Ordinal) || c.To.StartsWith(node + ".", StringComparison.Ordinal));
        return target.Nodes.RemoveAll(n => n.Id == node) > 0;
    };

    /// <summary>Sets an attribute's value; null goes back to the operation's default.</summary>
    public static Func<ProjectDefinition, bool> SetAttribute(string pipeline, string node, string name, JsonElement? value) => p =>
    {
        if (Node(p, pipeline, node) is not { } n) return false;
        if (value is not { } v) return n.Attributes.Remove(name);
        n.Attributes[name] = v.Clone();
        return true;
    };

    public static Func<ProjectDefinition, bool> SetReference(string pipeline, string node, string name, string? architecture) => p =>
    {
        if (Node(p, pipeline, node) is not { } n) return false;
        if (string.IsNullOrEmpty(architecture)) return n.References.Remove(name);
        n.References[name] = architecture;
        return true;
    };

    /// <summary>The artifact an Input node reads, or the name an Output node saves under.</summary>
    public static Func<ProjectDefinition, bool> SetArtifact(string pipeline, string node, string? artifact) => p =>
    {
        var name = string.IsNullOrWhiteSpace(artifact) ? null : artifact.Trim();
        if (Node(p, pipeline, node) is not { } n || n.Artifact == name) return false;
        n.Artifact = name;
        return true;
    };

    /// <summary>A node id not yet used in the pipeline: the operation's name in lower case, then with 2, 3, ...</summary>
    public static string NewId(PipelineDefinition pipeline, string name)
    {
        var stem = new string(name.Where(c => char.IsLetterOrDigit(c) || c is '-' or '_').ToArray()).ToLowerInvariant();
        if (stem.Length == 0) stem = "node";
        var id = stem;
        for (var i = 2; pipeline.FindNode(id) != null; i++) id = $"{stem}{i}";
        return id;
    }

    private static PipelineDefinition Pipeline(ProjectDefinition project, string name) =>
        project.FindPipeline(name) ?? throw new DeepForgeException($"pipeline '{name}'", $"project '{project.Name}' has no pipeline '{name}' any more (was it deleted?)");

    private static PipelineNode? Node(ProjectDefinition project, string pipeline, string node) => Pipeline(project, pipeline).FindNode(node);
}
