using DeepForge.Storage;
using DeepForge.Models;

namespace DeepForge.Cli.Space;

/// <summary>
/// Removes an execution by the rule of DELETE /api/v1/executions/{e} (ExecutionService.DeleteAsync): refused while
/// pending or running. With force the artifacts it made go too (after ArtifactRemoval's rule, forced).
/// </summary>
internal static class ExecutionRemoval
{
    public static async Task<int> RemoveAsync(DeepForgeEngine engine, DeepForgeStore store, string executionId, bool force, CancellationToken cancellationToken)
    {
        var execution = await engine.Executions.GetAsync(executionId, cancellationToken);
        if (execution.Status is ExecutionStatus.Pending or ExecutionStatus.Running)
            throw new DeepForgeException($"execution '{executionId}'",
                $"execution '{executionId}' is {execution.Status.ToString().ToLowerInvariant()}: stop it first (deepforge cancel {executionId})");
        var made = (await store.Artifacts.ListAsync(execution.Project, cancellationToken)).Where(a => a.ExecutionId == executionId).ToList();
        if (force)
            foreach (var artifact in made)
                await ArtifactRemoval.RemoveAsync(engine, store, execution.Project, artifact.Id, force: true, cancellationToken);
        await engine.Executions.DeleteAsync(executionId, cancellationToken);
        return force ? made.Count : 0;
    }
}
