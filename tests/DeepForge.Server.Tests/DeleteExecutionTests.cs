using System.Net;
using DeepForge.Models;
using DeepForge.Server.Tests.Infrastructure;

namespace DeepForge.Server.Tests;

/// <summary>DELETE /api/v1/executions/{id}: refused while the execution runs, and then gone with its jobs.</summary>
public sealed class DeleteExecutionTests
{
    [Fact]
    public async Task Delete_IsAConflict_WhileTheExecutionRuns_AndLeavesItAsItWas()
    {
        using var data = new TestData();
        await using var server = await ServerHost.StartAsync(data.Directory);
        await server.Api.SaveProjectAsync(TestProjects.Create());
        using var worker = server.Worker("w");
        var started = await server.Api.StartAsync("demo", "chain");
        await worker.NextJobAsync();

        using var refused = await server.Api.Http.DeleteAsync($"/api/v1/executions/{started.Execution.Id}");

        await ApiClient.Expect(refused, HttpStatusCode.Conflict);
        Assert.Contains("is running: cancel it before deleting it", await refused.Content.ReadAsStringAsync());
        Assert.Equal(ExecutionStatus.Running, (await server.Api.ExecutionAsync(started.Execution.Id)).Execution.Status);
        Assert.Single(await server.Api.JobsAsync(started.Execution.Id));
    }

    [Fact]
    public async Task Delete_RemovesAFinishedExecution_AndItsArtifactsStay()
    {
        using var data = new TestData();
        await using var server = await ServerHost.StartAsync(data.Directory);
        await server.Api.SaveProjectAsync(TestProjects.Create());
        using var worker = server.Worker("w");
        var started = await server.Api.StartAsync("demo", "chain");
        await worker.RunJobsAsync(3);
        await server.Api.WaitForAsync(started.Execution.Id, ExecutionStatus.Succeeded);

        using var deleted = await server.Api.Http.DeleteAsync($"/api/v1/executions/{started.Execution.Id}");
        using var read = await server.Api.Http.GetAsync($"/api/v1/executions/{started.Execution.Id}");
        using var again = await server.Api.Http.DeleteAsync($"/api/v1/executions/{started.Execution.Id}");

        await ApiClient.Expect(deleted, HttpStatusCode.NoContent);
        await ApiClient.Expect(read, HttpStatusCode.NotFound);
        await ApiClient.Expect(again, HttpStatusCode.NotFound);
        Assert.Contains(await server.Api.ArtifactsAsync("demo"), a => a.Name == "total");
    }
}
