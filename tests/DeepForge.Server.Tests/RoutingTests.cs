using System.Net.Http.Json;
using DeepForge.Data;
using DeepForge.Models;
using DeepForge.Server.Tests.Infrastructure;

namespace DeepForge.Server.Tests;

/// <summary>A job goes only to a runner with every label it needs; until one connects, the execution says what it waits for.</summary>
public sealed class RoutingTests
{
    [Fact]
    public async Task A_gpu_job_waits_visibly_while_only_cpu_runners_ask_and_goes_to_the_gpu_runner()
    {
        using var data = new TestData();
        await using var server = await ServerHost.StartAsync(data.Directory);
        await server.Api.SaveProjectAsync(TestProjects.Create());
        using var cpu = server.Worker("cpu-only", "cpu");
        using var gpu = server.Worker("gpu-box", "cpu", "gpu");
        var started = await server.Api.StartAsync("demo", "gpu");

        var waiting = await Eventually.GetAsync(() => server.Api.ExecutionAsync(started.Execution.Id),
            v => v.Nodes.Single(n => n.NodeId == "gpu").Waiting != null, "the gpu node to say what it waits for");
        var cpuGot = await cpu.LeaseAsync(waitSeconds: 1);
        var stillWaiting = await server.Api.ExecutionAsync(started.Execution.Id);
        var job = await gpu.NextJobAsync();
        (await gpu.RunAsync(job)).Dispose();

        Assert.Null(cpuGot);
        Assert.Equal("waiting for a worker with: gpu", waiting.Nodes.Single(n => n.NodeId == "gpu").Waiting);
        Assert.Equal(ExecutionStatus.Running, stillWaiting.Execution.Status);
        Assert.Equal("waiting for a worker with: gpu", stillWaiting.Nodes.Single(n => n.NodeId == "gpu").Waiting);
        Assert.Equal(["gpu"], job.Spec.Labels);
        await server.Api.WaitForAsync(started.Execution.Id, ExecutionStatus.Succeeded);
        var text = await server.Api.Http.GetStringAsync($"/api/v1/executions/{started.Execution.Id}");
        Assert.DoesNotContain("waiting", text);
    }
}
