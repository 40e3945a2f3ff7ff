using DeepForge.Storage;
using DeepForge.Models;

namespace DeepForge.Cli.Space;

/// <summary>
/// Removes a project. Refused while it has executions or artifacts (they are its users); with force they go first,
/// except a pending or running execution, which must be stopped first whatever the flag says.
/// </summary>
internal static class ProjectRemoval
{
    public static async Task<(int Executions, int Artifacts)> RemoveAsync(DeepForgeEngine engine, DeepForgeStore store, string project, bool force, CancellationToken cancellationToken)
    {
        await engine.Projects.GetAsync(project, cancellationToken);
        var executions = await engine.Executions.ListAsync(project, cancellationToken);
        var artifacts = await store.Artifacts.ListAsync(project, cancellationToken);
        if (executions.FirstOrDefault(e => e.Status is ExecutionStatus.Pending or ExecutionStatus.Running) is { } running)
            throw new DeepForgeException($"project '{project}'",
                $"execution '{running.Id}' of project '{project}' is {running.Status.ToString().ToLowerInvariant()}: stop it first (deepforge cancel {running.Id})");
        if (!force && (executions.Count > 0 || artifacts.Count > 0))
            throw new DeepForgeException($"project '{project}'",
                $"project '{project}' has {executions.Count} execution(s) and {artifacts.Count} artifact(s): pass --force to remove them with it");
        foreach (var execution in executions) await engine.Executions.DeleteAsync(execution.Id, cancellationToken);
        foreach (var artifact in artifacts) await store.Artifacts.DeleteAsync(artifact.Id, cancellationToken);
        await store.Projects.DeleteAsync(project, cancellationToken);
        return (executions.Count, artifacts.Count);
    }
}
