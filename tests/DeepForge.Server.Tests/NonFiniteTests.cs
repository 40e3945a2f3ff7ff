using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using DeepForge.Api;
using DeepForge.Data;
using DeepForge.Feedback;
using DeepForge.Models;
using DeepForge.Server.Api.Executions;
using DeepForge.Server.Tests.Infrastructure;

namespace DeepForge.Server.Tests;

/// <summary>A diverged loss is data: NaN and ±Infinity go from a worker through the server's store to the REST API as they were.</summary>
public sealed class NonFiniteTests
{
    [Fact]
    public async Task NaN_feedback_and_a_NaN_output_reported_by_a_worker_read_back_over_the_rest_api_as_NaN()
    {
        using var data = new TestData();
        await using var server = await ServerHost.StartAsync(data.Directory);
        await server.Api.SaveProjectAsync(TestProjects.Create());
        using var worker = server.Worker("w");
        var started = await server.Api.StartAsync("demo", "diverge");
        var job = await worker.NextJobAsync();
        FeedbackEvent[] feedback =
        [
            new() { Kind = "graph", Id = "g1", Text = "Loss" },
            new() { Kind = "line", Id = "l1", Parent = "g1", Text = "train" },
            new() { Kind = "points", Id = "l1", Points = [0, double.NaN, 1, double.PositiveInfinity, 2, double.NegativeInfinity] },
        ];

        using var beat = await worker.HeartbeatAsync(job.JobId, job.LeaseToken, [], feedback);
        using var done = await worker.RunAsync(job);
        await ApiClient.Expect(beat, HttpStatusCode.OK);
        await ApiClient.Expect(done, HttpStatusCode.OK);
        await server.Api.WaitForAsync(started.Execution.Id, ExecutionStatus.Succeeded);

        var page = await server.Api.Http.GetStringAsync($"/api/v1/executions/{started.Execution.Id}/nodes/diverge/feedback");
        var entries = JsonSerializer.Deserialize<StreamPage<FeedbackEntry>>(page, Json.Options)!;
        Assert.Contains("\"NaN\",1,\"Infinity\",2,\"-Infinity\"", page);
        Assert.Equal([0, double.NaN, 1, double.PositiveInfinity, 2, double.NegativeInfinity], entries.Entries.Single(e => e.Event.Kind == "points").Event.Points!);
        var loss = await server.Api.Http.GetStringAsync("/api/v1/projects/demo/artifacts/loss/content");
        Assert.Equal("\"NaN\"", loss);
        Assert.True(double.IsNaN(JsonSerializer.Deserialize<double>(loss, Json.Options)));
    }

    [Theory]
    [InlineData("1e400", "is 1e400, which does not fit in a whole number of type int")]
    [InlineData("0", "node 'numbers' attribute 'count' is 0, outside its range: at least 1 and at most 1000")]
    [InlineData("\"NaN\"", "node 'numbers' attribute 'count' must be a value of kind integer, not \"NaN\"")]
    public async Task An_attribute_override_the_operation_does_not_allow_is_refused_with_400_and_nothing_runs(string value, string expected)
    {
        using var data = new TestData();
        await using var server = await ServerHost.StartAsync(data.Directory);
        await server.Api.SaveProjectAsync(TestProjects.Create());
        var body = "{\"pipeline\": \"single\", \"attributes\": {\"numbers\": {\"count\": " + value + "}}}";

        using var response = await server.Api.Http.PostAsync("/api/v1/projects/demo/executions", new StringContent(body, Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Contains(expected, problem.RootElement.GetProperty("detail").GetString());
        Assert.Empty(await server.Api.Http.GetFromJsonAsync<List<ExecutionSummary>>("/api/v1/projects/demo/executions", Json.Options) ?? []);
    }
}
