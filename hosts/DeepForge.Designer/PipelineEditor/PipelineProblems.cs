using System.Text.RegularExpressions;
using DeepForge.Designer.Diagrams;

namespace DeepForge.Designer.PipelineEditor;

/// <summary>What would stop a pipeline from running, as the engine's validation says it, put on the nodes it names.</summary>
internal static partial class PipelineProblems
{
    public static async Task<IReadOnlyList<Problem>> ReadAsync(DeepForgeEngine engine, string project, string pipeline, CancellationToken cancellationToken)
    {
        try { return await engine.Executions.ValidateAsync(project, pipeline, cancellationToken); }
        catch (DeepForgeException e) { return e.Problems; }
    }

    /// <summary>Marks each node with its first problem (a node named in the location, or the node of a port or connection end).</summary>
    public static void Show(Blazor.Diagrams.BlazorDiagram diagram, IReadOnlyList<Problem> problems)
    {
        foreach (var node in diagram.Nodes.OfType<PipelineNodeModel>())
        {
            var problem = problems.FirstOrDefault(p => Names(p.Location).Contains(node.Node.Id))?.Message;
            if (problem == node.Problem) continue;
            node.Problem = problem;
            node.Refresh();
        }
    }

    // "node 'train' attribute 'epochs'", "port test.net", "connection a.x -> b.y": the node ids a location names.
    private static HashSet<string> Names(string location)
    {
        var names = NodeName().Matches(location).Select(m => m.Groups[1].Value).ToHashSet();
        foreach (Match port in PortName().Matches(location)) names.Add(port.Groups[1].Value);
        return names;
    }

    [GeneratedRegex("node '([^']+)'")]
    private static partial Regex NodeName();

    [GeneratedRegex(@"(?:port|connection|->)\s+([^\s.]+)\.")]
    private static partial Regex PortName();
}
