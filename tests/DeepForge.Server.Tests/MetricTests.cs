using System.Net;
using System.Text.Json;
using DeepForge.Data;
using DeepForge.Identity;
using DeepForge.Metrics;
using DeepForge.Models;
using DeepForge.Runtime;
using DeepForge.Server.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace DeepForge.Server.Tests;

/// <summary>Metrics a job on a worker reports travel with its feedback over the runner protocol and come back from the REST API.</summary>
public sealed class MetricTests
{
    [Fact]
    public async Task Metrics_ReportedByAWorker_ReadBackOverTheRestApi_WithNaNKept()
    {
        using var data = new TestData();
        await using var server = await ServerHost.StartAsync(data.Directory);
        await server.Api.SaveProjectAsync(TestProjects.Create());
        using var worker = server.Worker("w");
        var started = await server.Api.StartAsync("demo", "diverge");
        var job = await worker.NextJobAsync();

        using var beat = await worker.HeartbeatAsync(job.JobId, job.LeaseToken, [],
            [MetricReport.Event("accuracy", 0.5), MetricReport.Event("loss", double.NaN), MetricReport.Event("accuracy", 0.9183)]);
        using var done = await worker.RunAsync(job);
        await ApiClient.Expect(beat, HttpStatusCode.OK);
        await ApiClient.Expect(done, HttpStatusCode.OK);
        await server.Api.WaitForAsync(started.Execution.Id, ExecutionStatus.Succeeded);

        var body = await server.Api.Http.GetStringAsync($"/api/v1/executions/{started.Execution.Id}/metrics");
        var node = Assert.Single(JsonSerializer.Deserialize<List<NodeMetrics>>(body, Json.Options)!);
        Assert.Equal(("diverge", "Diverge"), (node.NodeId, node.Operation));
        Assert.Equal(new Metric("accuracy", 0.9183), node.Metrics[0]);
        Assert.True(double.IsNaN(node.Metrics[1].Value));
        Assert.Contains("\"NaN\"", body);
    }

    [Fact]
    public async Task Metrics_Answer404_NamingTheExecution_WhenThereIsNone()
    {
        using var data = new TestData();
        await using var server = await ServerHost.StartAsync(data.Directory);

        using var response = await server.Api.Http.GetAsync("/api/v1/executions/nosuch/metrics");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("there is no execution 'nosuch'", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Metrics_OfANodeReusedFromAnotherProjectsRun_AreLeftOut_ForAReaderWhoMayNotReadThatProject()
    {
        using var data = new TestData();
        await using var server = await ServerHost.StartAsync(data.Directory);
        await server.Api.SaveProjectAsync(TestProjects.Create("alices"));
        await server.Api.SaveProjectAsync(TestProjects.Create("bobs"));
        using var bob = await server.ApiAsAsync("bob", PersonRole.Editor);
        await server.Services.GetRequiredService<ProjectAccess>().ShareAsync("bobs", "bob", PersonRole.Viewer, default); // not of alices
        using var worker = server.Worker("w");
        var first = await server.Api.StartAsync("alices", "diverge");
        var job = await worker.NextJobAsync();
        using (var beat = await worker.HeartbeatAsync(job.JobId, job.LeaseToken, [], [MetricReport.Event("accuracy", 0.9183)]))
            await ApiClient.Expect(beat, HttpStatusCode.OK);
        using (var done = await worker.RunAsync(job)) await ApiClient.Expect(done, HttpStatusCode.OK);
        await server.Api.WaitForAsync(first.Execution.Id, ExecutionStatus.Succeeded);
        // The same code and inputs in bob's project: the cache, shared by all projects, serves alice's run.
        var second = await server.Api.StartAsync("bobs", "diverge");
        await server.Api.WaitForAsync(second.Execution.Id, ExecutionStatus.Succeeded);
        var node = Assert.Single(await server.Services.GetRequiredService<ExecutionService>().NodesAsync(second.Execution.Id), n => n.NodeId == "diverge");
        Assert.Equal((true, first.Execution.Id), (node.FromCache, node.ReusedExecution));

        var bobSees = JsonSerializer.Deserialize<List<NodeMetrics>>(await bob.Http.GetStringAsync($"/api/v1/executions/{second.Execution.Id}/metrics"), Json.Options)!;
        var adminSees = JsonSerializer.Deserialize<List<NodeMetrics>>(await server.Api.Http.GetStringAsync($"/api/v1/executions/{second.Execution.Id}/metrics"), Json.Options)!;

        Assert.Empty(bobSees);
        Assert.Equal(new Metric("accuracy", 0.9183), Assert.Single(Assert.Single(adminSees).Metrics));
    }
}
