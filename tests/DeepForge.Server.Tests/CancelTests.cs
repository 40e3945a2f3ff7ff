using System.Net;
using System.Net.Http.Json;
using DeepForge.Data;
using DeepForge.Dispatch;
using DeepForge.Models;
using DeepForge.Runner.Protocol;
using DeepForge.Server.Tests.Infrastructure;

namespace DeepForge.Server.Tests;

/// <summary>Cancelling an execution reaches its worker in the next heartbeat reply.</summary>
public sealed class CancelTests
{
    [Fact]
    public async Task After_a_cancel_the_next_heartbeat_says_cancel_and_the_execution_ends_cancelled()
    {
        using var data = new TestData();
        await using var server = await ServerHost.StartAsync(data.Directory);
        await server.Api.SaveProjectAsync(TestProjects.Create());
        using var worker = server.Worker("w");
        var started = await server.Api.StartAsync("demo", "chain");
        var job = await worker.NextJobAsync();
        var before = await HeartbeatAsync(worker, job);

        using var cancel = await server.Api.Http.PostAsync($"/api/v1/executions/{started.Execution.Id}/cancel", TestData.EmptyJson());
        var after = await HeartbeatAsync(worker, job);
        using var stopped = await worker.FailAsync(job.JobId, job.LeaseToken, "cancelled by the server");

        await ApiClient.Expect(cancel, HttpStatusCode.OK);
        Assert.False(before.Cancel);
        Assert.True(after.Cancel);
        await ApiClient.Expect(stopped, HttpStatusCode.OK);
        var ended = await server.Api.WaitForAsync(started.Execution.Id, ExecutionStatus.Cancelled);
        Assert.Equal(NodeStatus.Cancelled, ended.Nodes.Single(n => n.NodeId == "numbers").Status);
        Assert.Equal(JobStatus.Cancelled, Assert.Single(await server.Api.JobsAsync(started.Execution.Id)).Status);
    }

    [Fact]
    public async Task A_cancelled_execution_resumed_through_the_api_runs_to_the_end_with_new_jobs()
    {
        using var data = new TestData();
        await using var server = await ServerHost.StartAsync(data.Directory);
        await server.Api.SaveProjectAsync(TestProjects.Create());
        using var worker = server.Worker("w");
        var started = await server.Api.StartAsync("demo", "chain");
        var first = await worker.NextJobAsync();
        (await server.Api.Http.PostAsync($"/api/v1/executions/{started.Execution.Id}/cancel", TestData.EmptyJson())).Dispose();
        (await worker.FailAsync(first.JobId, first.LeaseToken, "cancelled")).Dispose();
        await server.Api.WaitForAsync(started.Execution.Id, ExecutionStatus.Cancelled);

        using var resume = await server.Api.Http.PostAsync($"/api/v1/executions/{started.Execution.Id}/resume", TestData.EmptyJson());
        await worker.RunJobsAsync(3);

        Assert.Equal(HttpStatusCode.Accepted, resume.StatusCode);
        await server.Api.WaitForAsync(started.Execution.Id, ExecutionStatus.Succeeded);
        var jobs = await server.Api.JobsAsync(started.Execution.Id);
        Assert.Equal(2, jobs.Count(j => j.NodeId == "numbers"));
        Assert.Equal(JobStatus.Cancelled, jobs.First(j => j.NodeId == "numbers").Status);
        using var afterSuccess = await server.Api.Http.PostAsync($"/api/v1/executions/{started.Execution.Id}/resume", TestData.EmptyJson());
        Assert.Equal(HttpStatusCode.Conflict, afterSuccess.StatusCode);
    }

    private static async Task<HeartbeatReply> HeartbeatAsync(WorkerClient worker, LeasedJob job)
    {
        using var response = await worker.HeartbeatAsync(job);
        await ApiClient.Expect(response, HttpStatusCode.OK);
        return (await response.Content.ReadFromJsonAsync<HeartbeatReply>(Json.Options))!;
    }
}
