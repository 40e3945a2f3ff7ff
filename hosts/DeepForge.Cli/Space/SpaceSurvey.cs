using DeepForge.Blobs;
using DeepForge.Storage;

namespace DeepForge.Cli.Space;

/// <summary>
/// Measures what uses space: artifacts by their size, executions by the distinct blobs of their nodes' outputs,
/// and the blobs nothing stored names: what <c>deepforge blobs gc</c> would free, by the collector's own marking.
/// </summary>
internal static class SpaceSurvey
{
    public static async Task<SpaceUse> MeasureAsync(DeepForgeEngine engine, DeepForgeStore store, BlobCollector collector, CancellationToken cancellationToken)
    {
        var projects = new List<ProjectSpace>();
        foreach (var project in await engine.Projects.ListAsync(cancellationToken))
        {
            var artifacts = await store.Artifacts.ListAsync(project.Name, cancellationToken);
            var executions = new List<SpaceItem>();
            foreach (var execution in await engine.Executions.ListAsync(project.Name, cancellationToken))
            {
                var outputs = (await engine.Executions.NodesAsync(execution.Id, cancellationToken)).SelectMany(n => n.Outputs.Values)
                    .DistinctBy(o => o.Hash).ToList();
                executions.Add(new SpaceItem(execution.Id, execution.Pipeline.Name, outputs.Sum(o => o.Size)));
            }
            projects.Add(new ProjectSpace(project.Name, artifacts.Select(a => new SpaceItem(a.Id, a.Name, a.Size)).ToList(), executions));
        }
        var unused = await collector.UnreferencedAsync(cancellationToken);
        return new SpaceUse(projects, unused.Count, unused.Sum(b => b.Size));
    }
}
