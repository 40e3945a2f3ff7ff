using System.Net;
using System.Text.Json;
using DeepForge.Data;
using DeepForge.Metrics;
using DeepForge.Models;
using DeepForge.Server.Tests.Infrastructure;

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
}
