using DeepForge.Models;
using DeepForge.Runtime;
using DeepForge.Server.Executions;

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
}
