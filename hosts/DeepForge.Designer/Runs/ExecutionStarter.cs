using DeepForge.Models;
using DeepForge.Runtime;

namespace DeepForge.Designer.Runs;

/// <summary>Starts executions from the designer the way POST /api/v1/projects/{project}/executions does: stored first, then run in the server's background.</summary>
internal sealed class ExecutionStarter(ExecutionService executions, BackgroundExecutions background)
{
    public async Task<ExecutionRecord> StartAsync(string project, string pipeline, RunOptions? options = null, CancellationToken cancellationToken = default)
    {
        var execution = await executions.CreateAsync(project, pipeline, options, cancellationToken);
        background.Start(execution.Id);
        return execution;
    }

    /// <summary>
    /// Runs a stopped execution on from where it stopped (finished operations are not run again), as
    /// POST /api/v1/executions/{id}/resume does; refused, with the reason, for one that succeeded or runs.
    /// </summary>
    public async Task ResumeAsync(string executionId, CancellationToken cancellationToken = default)
    {
        var execution = await executions.GetAsync(executionId, cancellationToken);
        var where = $"execution '{executionId}'";
        if (execution.Status == ExecutionStatus.Succeeded) throw new DeepForgeException(where, $"{where} has already succeeded: there is nothing to resume");
        if (execution.Status is ExecutionStatus.Pending or ExecutionStatus.Running || !background.Start(executionId))
            throw new DeepForgeException(where, $"{where} is running: it cannot be resumed until it stops");
    }
}
