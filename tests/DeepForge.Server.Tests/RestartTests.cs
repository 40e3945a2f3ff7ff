using System.Net;
using DeepForge.Models;
using DeepForge.Runner.Protocol;
using DeepForge.Server.Tests.Infrastructure;

namespace DeepForge.Server.Tests;

/// <summary>A server stopped in the middle of an execution and started again on the same data finishes it, taking up the leased job instead of queueing another.</summary>
public sealed class RestartTests
{
    [Fact]
    public async Task A_restarted_server_resumes_the_execution_and_accepts_the_original_lease()
    {
        using var data = new TestData();
        string executionId, workerToken;
        LeasedJob held;
        await using (var first = await ServerHost.StartAsync(data.Directory))
        {
            await first.Api.SaveProjectAsync(TestProjects.Create());
            using var worker = first.Worker("survivor");
            executionId = (await first.Api.StartAsync("demo", "chain")).Execution.Id;
            held = await worker.NextJobAsync();
            workerToken = first.WorkerToken;
        }

        await using var second = await ServerHost.StartAsync(data.Directory, workerToken: workerToken);
        using var sameWorker = second.Worker("survivor");
        var resumed = await Eventually.GetAsync(() => second.Api.ExecutionAsync(executionId),
            v => v.Nodes.Single(n => n.NodeId == "numbers").Status == NodeStatus.Running, "the execution to be resumed");
        var jobsAfterRestart = await second.Api.JobsAsync(executionId);
        using var completed = await sameWorker.RunAsync(held);
        await sameWorker.RunJobsAsync(2);

        Assert.Equal(ExecutionStatus.Running, resumed.Execution.Status);
        Assert.Equal(held.JobId, Assert.Single(jobsAfterRestart).Id);
        await ApiClient.Expect(completed, HttpStatusCode.OK);
        await second.Api.WaitForAsync(executionId, ExecutionStatus.Succeeded);
        var jobs = await second.Api.JobsAsync(executionId);
        Assert.Equal(["numbers", "scale", "sum"], jobs.Select(j => j.NodeId).Order());
        Assert.Equal(held.JobId, jobs.Single(j => j.NodeId == "numbers").Id);
        Assert.Single(await second.Api.ArtifactsAsync("demo"), a => a.Name == "total");
    }

    [Fact]
    public async Task A_job_completed_before_the_restarted_server_took_it_up_is_used_without_running_again()
    {
        using var data = new TestData();
        string executionId, workerToken;
        LeasedJob held;
        await using (var first = await ServerHost.StartAsync(data.Directory))
        {
            await first.Api.SaveProjectAsync(TestProjects.Create());
            using var worker = first.Worker("quick");
            executionId = (await first.Api.StartAsync("demo", "single")).Execution.Id;
            held = await worker.NextJobAsync();
            workerToken = first.WorkerToken;
        }
        // Completed against the store while no server runs the execution, as a report racing a restart would be.
        await using (var quiet = await ServerHost.StartAsync(data.Directory, o => o.ResumeExecutionsOnStart = false, workerToken))
        {
            using var worker = quiet.Worker("quick");
            using var completed = await worker.RunAsync(held);
            await ApiClient.Expect(completed, HttpStatusCode.OK);
        }

        await using var second = await ServerHost.StartAsync(data.Directory, workerToken: workerToken);

        await second.Api.WaitForAsync(executionId, ExecutionStatus.Succeeded);
        Assert.Equal(held.JobId, Assert.Single(await second.Api.JobsAsync(executionId)).Id);
    }
}
