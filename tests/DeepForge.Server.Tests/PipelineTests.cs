using System.Net;
using System.Net.Http.Json;
using DeepForge.Api;
using DeepForge.Data;
using DeepForge.Feedback;
using DeepForge.Models;
using DeepForge.Server.Api.Executions;
using DeepForge.Server.Api.Runners;
using DeepForge.Server.Tests.Infrastructure;

namespace DeepForge.Server.Tests;

/// <summary>A pipeline runs end to end with every operation leased and completed over HTTP.</summary>
public sealed class PipelineTests
{
    [Fact]
    public async Task A_pipeline_runs_with_its_jobs_leased_and_completed_over_http()
    {
        using var data = new TestData();
        await using var server = await ServerHost.StartAsync(data.Directory);
        await server.Api.SaveProjectAsync(TestProjects.Create());
        using var worker = server.Worker("w1");

        var started = await server.Api.StartAsync("demo", "chain");
        for (var i = 0; i < 3; i++)
        {
            var job = await worker.NextJobAsync();
            using var beat = await worker.HeartbeatAsync(job, $"running {job.Spec.NodeId}\n");
            await ApiClient.Expect(beat, HttpStatusCode.OK);
            using var done = await worker.RunAsync(job);
            await ApiClient.Expect(done, HttpStatusCode.OK);
        }

        var finished = await server.Api.WaitForAsync(started.Execution.Id, ExecutionStatus.Succeeded);
        Assert.All(finished.Nodes, n => Assert.Equal(NodeStatus.Succeeded, n.Status));
        var total = await server.Api.Http.GetStringAsync("/api/v1/projects/demo/artifacts/total/content");
        Assert.Equal("12", total);
        var log = await server.Api.Http.GetFromJsonAsync<StreamPage<LogEntry>>($"/api/v1/executions/{started.Execution.Id}/nodes/scale/log", Json.Options);
        Assert.Contains("running scale", string.Concat(log!.Entries.Select(e => e.Text)));
        var jobs = await server.Api.JobsAsync(started.Execution.Id);
        Assert.Equal(["numbers", "scale", "sum"], jobs.Select(j => j.NodeId).Order());
        Assert.All(jobs, j => Assert.Equal(DeepForge.Dispatch.JobStatus.Succeeded, j.Status));
    }

    [Fact]
    public async Task Feedback_sent_in_heartbeats_is_served_in_order()
    {
        using var data = new TestData();
        await using var server = await ServerHost.StartAsync(data.Directory);
        await server.Api.SaveProjectAsync(TestProjects.Create());
        using var worker = server.Worker("plotter");
        var started = await server.Api.StartAsync("demo", "single");
        var job = await worker.NextJobAsync();
        FeedbackEvent[] events = [new() { Kind = "graph", Id = "g", Text = "Loss" }, new() { Kind = "points", Id = "l", Parent = "g", Points = [0, 1, 1, 0.5] }];

        using var beat = await worker.HeartbeatAsync(job.JobId, job.LeaseToken, [], events);
        var page = await server.Api.Http.GetFromJsonAsync<StreamPage<FeedbackEntry>>($"/api/v1/executions/{started.Execution.Id}/nodes/numbers/feedback", Json.Options);

        await ApiClient.Expect(beat, HttpStatusCode.OK);
        Assert.Equal(events, page!.Entries.Select(e => e.Event), new FeedbackComparer());
        Assert.Equal([1L, 2L], page.Entries.Select(e => e.Sequence));
    }

    private sealed class FeedbackComparer : IEqualityComparer<FeedbackEvent>
    {
        public bool Equals(FeedbackEvent? x, FeedbackEvent? y) => Json.Serialize(x) == Json.Serialize(y);
        public int GetHashCode(FeedbackEvent obj) => Json.Serialize(obj).GetHashCode();
    }

    [Fact]
    public async Task The_log_is_tailed_by_sequence_and_connected_runners_are_listed_with_their_jobs()
    {
        using var data = new TestData();
        await using var server = await ServerHost.StartAsync(data.Directory);
        await server.Api.SaveProjectAsync(TestProjects.Create());
        using var worker = server.Worker("tailer", "cpu", "big-memory");
        var started = await server.Api.StartAsync("demo", "single");
        var job = await worker.NextJobAsync();

        (await worker.HeartbeatAsync(job, "one\n")).Dispose();
        var first = await LogAsync(server, started.Execution.Id, 0);
        (await worker.HeartbeatAsync(job, "two\n", "three\n")).Dispose();
        var next = await LogAsync(server, started.Execution.Id, first.Last);
        var runners = await server.Api.Http.GetFromJsonAsync<List<RunnerView>>("/api/v1/runners", Json.Options);

        Assert.Contains("one", string.Concat(first.Entries.Select(e => e.Text)));
        Assert.Equal("two\nthree\n", string.Concat(next.Entries.Select(e => e.Text)));
        var runner = Assert.Single(runners!, r => r.Id == "tailer");
        Assert.Equal(["big-memory", "cpu"], runner.Labels);
        Assert.Equal(job.JobId, Assert.Single(runner.Jobs).JobId);
        (await worker.RunAsync(job)).Dispose();
        await server.Api.WaitForAsync(started.Execution.Id, ExecutionStatus.Succeeded);
    }

    private static async Task<StreamPage<LogEntry>> LogAsync(ServerHost server, string executionId, long after) =>
        (await server.Api.Http.GetFromJsonAsync<StreamPage<LogEntry>>($"/api/v1/executions/{executionId}/nodes/numbers/log?after={after}", Json.Options))!;
}
