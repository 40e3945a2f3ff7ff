using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using DeepForge.Identity;
using DeepForge.Server.Tests.Infrastructure;

namespace DeepForge.Server.Tests;

/// <summary>/api/v1/status: this server, the connected workers with what they run, and the queue, for signed-in people only.</summary>
public sealed class StatusTests
{
    [Fact]
    public async Task Status_ListsTheWorkerWithTheJobItRuns_AndTheJobWaitingForAnotherWorker()
    {
        using var data = new TestData();
        await using var server = await ServerHost.StartAsync(data.Directory);
        await server.Api.SaveProjectAsync(TestProjects.Create());
        using var busy = server.Worker("busy", "cpu");
        var running = await server.Api.StartAsync("demo", "single");
        var job = await busy.NextJobAsync();
        await server.Api.StartAsync("demo", "gpu"); // no worker has the gpu label: it waits

        // The run is started in the background: its job joins the queue a moment after the answer.
        var status = await Eventually.GetAsync(() => StatusAsync(server), s => s.GetProperty("queue").GetProperty("waiting").GetInt32() == 1, "the gpu run's job was queued");

        var worker = Assert.Single(status.GetProperty("workers").EnumerateArray());
        Assert.Equal("busy", worker.GetProperty("id").GetString());
        Assert.Equal(["cpu"], worker.GetProperty("labels").EnumerateArray().Select(l => l.GetString()));
        Assert.True(worker.GetProperty("lastSeen").GetDateTimeOffset() <= DateTimeOffset.UtcNow.AddSeconds(1));
        var held = Assert.Single(worker.GetProperty("jobs").EnumerateArray());
        Assert.Equal((job.JobId, running.Execution.Id, "numbers"), (held.GetProperty("jobId").GetString(), held.GetProperty("executionId").GetString(), held.GetProperty("nodeId").GetString()));
        var queue = status.GetProperty("queue");
        Assert.Equal(1, queue.GetProperty("waiting").GetInt32());
        Assert.True(queue.GetProperty("oldestWaitSeconds").GetDouble() >= 0);
        Assert.Equal(JsonValueKind.String, queue.GetProperty("oldestEnqueuedAt").ValueKind);
    }

    [Fact]
    public async Task Status_LeavesOutTheJobsOfProjects_ThePersonMayNotSee()
    {
        using var data = new TestData();
        await using var server = await ServerHost.StartAsync(data.Directory);
        await server.Api.SaveProjectAsync(TestProjects.Create());
        using var busy = server.Worker("busy", "cpu");
        await server.Api.StartAsync("demo", "single");
        await busy.NextJobAsync();
        using var outsider = await server.ApiAsAsync("olga", PersonRole.Editor);

        var status = await outsider.Http.GetFromJsonAsync<JsonElement>("/api/v1/status");

        var worker = Assert.Single(status.GetProperty("workers").EnumerateArray());
        Assert.Equal("busy", worker.GetProperty("id").GetString());
        Assert.Empty(worker.GetProperty("jobs").EnumerateArray());
    }

    [Fact]
    public async Task Status_NamesThisServerProcess_WithItsVersionAndUptime()
    {
        using var data = new TestData();
        await using var server = await ServerHost.StartAsync(data.Directory);

        var status = await StatusAsync(server);

        var self = Assert.Single(status.GetProperty("servers").EnumerateArray());
        Assert.Equal(Environment.ProcessId, self.GetProperty("processId").GetInt32());
        Assert.Equal(Environment.MachineName, self.GetProperty("host").GetString());
        Assert.False(string.IsNullOrWhiteSpace(self.GetProperty("version").GetString()));
        Assert.True(self.GetProperty("uptimeSeconds").GetDouble() >= 0);
        Assert.True(self.GetProperty("startedAt").GetDateTimeOffset() <= DateTimeOffset.UtcNow);
    }

    [Fact]
    public async Task Status_SaysTheQueueIsEmpty_WhenNoJobWaits()
    {
        using var data = new TestData();
        await using var server = await ServerHost.StartAsync(data.Directory);

        var queue = (await StatusAsync(server)).GetProperty("queue");

        Assert.Equal(0, queue.GetProperty("waiting").GetInt32());
        // The server's JSON leaves null values out.
        Assert.False(queue.TryGetProperty("oldestWaitSeconds", out var age) && age.ValueKind != JsonValueKind.Null, queue.ToString());
        Assert.Empty((await StatusAsync(server)).GetProperty("workers").EnumerateArray());
    }

    [Fact]
    public async Task Status_IsRefused_WithoutCredentials()
    {
        using var data = new TestData();
        await using var server = await ServerHost.StartAsync(data.Directory);
        using var anonymous = server.Raw();

        using var response = await anonymous.GetAsync("/api/v1/status");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Status_IsRefused_WithAWorkerToken()
    {
        using var data = new TestData();
        await using var server = await ServerHost.StartAsync(data.Directory);
        using var worker = server.Raw();
        worker.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", server.WorkerToken);

        using var response = await worker.GetAsync("/api/v1/status");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    private static async Task<JsonElement> StatusAsync(ServerHost server) =>
        (await server.Api.Http.GetFromJsonAsync<JsonElement>("/api/v1/status"));
}
