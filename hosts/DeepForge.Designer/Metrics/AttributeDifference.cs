using DeepForge.Models;

namespace DeepForge.Designer.Metrics;

/// <summary>An attribute whose value differs between two executions' pipelines (null: not set, so the operation's default).</summary>
internal sealed record AttributeDifference(string NodeId, string Attribute, string? A, string? B)
{
    /// <summary>Every attribute of a node both pipelines have whose value differs, in the order of the first pipeline's nodes.</summary>
    public static IReadOnlyList<AttributeDifference> Between(PipelineDefinition a, PipelineDefinition b) =>
        a.Nodes.Where(n => b.FindNode(n.Id) != null)
            .SelectMany(n => Of(n, b.FindNode(n.Id)!))
            .ToList();

    private static IEnumerable<AttributeDifference> Of(PipelineNode a, PipelineNode b) =>
        a.Attributes.Keys.Union(b.Attributes.Keys).Order(StringComparer.Ordinal)
            .Select(name => new AttributeDifference(a.Id, name, Text(a, name), Text(b, name)))
            .Where(d => d.A != d.B);

    private static string? Text(PipelineNode node, string name) => node.Attributes.TryGetValue(name, out var value) ? value.GetRawText() : null;
}
