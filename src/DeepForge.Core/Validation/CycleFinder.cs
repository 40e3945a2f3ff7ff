using DeepForge.Models;

namespace DeepForge.Validation;

/// <summary>Finds a cycle in a pipeline and reports it as the path of nodes around it.</summary>
internal static class CycleFinder
{
    public static void Find(PipelineDefinition pipeline, List<Problem> problems)
    {
        // A connection that is not node.port -> node.port is reported by the validator already; it joins no cycle.
        var next = pipeline.Connections.Select(c => (From: NodeOf(c.From), To: NodeOf(c.To))).Where(w => w.From != null && w.To != null)
            .GroupBy(w => w.From!).ToDictionary(g => g.Key, g => g.Select(w => w.To!).Distinct().ToList());
        var state = new Dictionary<string, int>(); // 1 = on the current path, 2 = done
        var path = new List<string>();
        foreach (var node in pipeline.Nodes)
        {
            var cycle = Visit(node.Id, next, state, path);
            if (cycle == null) continue;
            problems.Add(new Problem($"node '{cycle[0]}'", $"pipeline '{pipeline.Name}' has a cycle: {string.Join(" -> ", cycle)}"));
            return;
        }
    }

    private static string? NodeOf(string port)
    {
        try { return PortRef.Parse(port).Node; }
        catch (FormatException) { return null; }
    }

    private static List<string>? Visit(string node, Dictionary<string, List<string>> next, Dictionary<string, int> state, List<string> path)
    {
        if (state.GetValueOrDefault(node) == 2) return null;
        if (state.GetValueOrDefault(node) == 1) return [.. path.Skip(path.IndexOf(node)), node];
        state[node] = 1;
        path.Add(node);
        foreach (var target in next.GetValueOrDefault(node) ?? [])
            if (Visit(target, next, state, path) is { } cycle) return cycle;
        path.RemoveAt(path.Count - 1);
        state[node] = 2;
        return null;
    }
}
