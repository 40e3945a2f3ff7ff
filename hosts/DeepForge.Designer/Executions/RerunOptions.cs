using System.Text.Json;
using DeepForge.Models;
using DeepForge.Runtime;

namespace DeepForge.Designer.Executions;

/// <summary>
/// The options that run a pipeline again as an execution ran it: the same input artifacts, the same cache choice,
/// and, as attribute overrides, every attribute value of the run that differs from the pipeline as it is now
/// (the run's own overrides, and values edited since). Nodes the pipeline no longer has are left out.
/// </summary>
internal static class RerunOptions
{
    public static RunOptions For(ExecutionRecord execution, PipelineDefinition current)
    {
        var options = new RunOptions { UseCache = execution.UseCache };
        foreach (var (nodeId, artifact) in execution.Inputs)
            if (current.FindNode(nodeId) is { Kind: NodeKind.Input }) options.Inputs[nodeId] = artifact;
        foreach (var ran in execution.Pipeline.Nodes)
        {
            if (current.FindNode(ran.Id) is not { } now) continue;
            var changed = ran.Attributes.Where(a => !now.Attributes.TryGetValue(a.Key, out var value) || !JsonElement.DeepEquals(value, a.Value))
                .ToDictionary(a => a.Key, a => a.Value);
            if (changed.Count > 0) options.Attributes[ran.Id] = changed;
        }
        return options;
    }
}
