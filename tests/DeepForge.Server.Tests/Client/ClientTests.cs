using System.Net;
using System.Security.Cryptography;
using DeepForge.Api;
using DeepForge.Client;
using DeepForge.Feedback;
using DeepForge.Models;
using DeepForge.Runner.Protocol;
using DeepForge.Identity;
using DeepForge.Server.Tests.Infrastructure;

namespace DeepForge.Server.Tests.Client;

/// <summary>DeepForge.Client against the real server on loopback: its records read what the server writes, and its failures carry the server's words.</summary>
public sealed class ClientTests
{
    [Fact]
    public async Task StartExecution_ThrowsTheServersProblem_WhenThePipelineIsUnknown()
    {
        using var data = new TestData();
        await using var server = await ServerHost.StartAsync(data.Directory);
        await server.Api.SaveProjectAsync(TestProjects.Create());
        using var client = new ClientKit(server.Address, await server.TokenForAsync(ServerHost.AdminName, PersonRole.Admin));

        var error = await Assert.ThrowsAsync<DeepForgeApiException>(() => client.Api.StartExecutionAsync("demo", new StartExecutionRequest("nope"), default));

        Assert.Contains("nope", error.Problem);
        Assert.Contains(error.Problem!, error.Message);
        Assert.DoesNotContain("traceId", error.Message);
        Assert.False(error.Transient);
        Assert.Equal("POST /api/v1/projects/demo/executions", error.Request);
        Assert.Single(client.Log.Attempts); // a refusal is not asked again
    }

    [Fact]
    public async Task Calls_ThrowUnauthorizedWithTheServersProblem_WhenTheTokenIsWrong()
    {
        using var data = new TestData();
        await using var server = await ServerHost.StartAsync(data.Directory);
        using var client = new ClientKit(server.Address, "not-a-token");

        var error = await Assert.ThrowsAsync<DeepForgeApiException>(() => client.Api.ProjectsAsync(default));

        Assert.Equal(HttpStatusCode.Unauthorized, error.Status);
        Assert.False(error.Transient);
        Assert.Single(client.Log.Attempts);
    }

    [Fact]
    public async Task Execution_RoundTripsThroughTheClient_WhenStartedAndFollowed()
    {
        using var data = new TestData();
        await using var server = await ServerHost.StartAsync(data.Directory);
        await server.Api.SaveProjectAsync(TestProjects.Create());
        using var client = new ClientKit(server.Address, await server.TokenForAsync(ServerHost.AdminName, PersonRole.Admin));
        using var runner = new ClientKit(server.Address, server.WorkerToken);

        var started = await client.Api.StartExecutionAsync("demo", new StartExecutionRequest("diverge"), default);
        var job = await Eventually.GetAsync(() => runner.Runner.LeaseAsync(new LeaseRequest("w", ["cpu"], 1, "test-host", 5), default), j => j != null, "a job");
        FeedbackEvent[] feedback = [new() { Kind = "points", Id = "l1", Points = [0, double.NaN, 1, double.PositiveInfinity] }];
        var reply = await runner.Runner.HeartbeatAsync(job!.JobId, new HeartbeatRequest(job.LeaseToken, ["step 1"], feedback), default);
        Assert.True(await runner.Runner.FailAsync(job.JobId, new FailRequest(job.LeaseToken, "diverged on purpose"), default));
        var ended = await Eventually.GetAsync(() => client.Api.GetExecutionAsync(started.Execution.Id, default), v => v.Execution.Status == ExecutionStatus.Failed, "the execution to fail");

        Assert.False(reply!.Cancel);
        Assert.Contains(ended.Nodes, n => n.NodeId == "diverge" && n.Status == NodeStatus.Failed);
        Assert.Equal("step 1", (await client.Api.LogAsync(started.Execution.Id, "diverge", 0, default)).Entries[0].Text);
        var points = (await client.Api.FeedbackAsync(started.Execution.Id, "diverge", 0, default)).Entries.Single(e => e.Event.Kind == "points").Event.Points!;
        Assert.Equal([0, double.NaN, 1, double.PositiveInfinity], points);
        Assert.Contains(await client.Api.ExecutionsAsync("demo", default), s => s.Id == started.Execution.Id && s.Status == ExecutionStatus.Failed);
    }

    [Fact]
    public async Task Report_ReturnsFalse_WhenTheLeaseTokenIsNotTheServers()
    {
        using var data = new TestData();
        await using var server = await ServerHost.StartAsync(data.Directory);
        await server.Api.SaveProjectAsync(TestProjects.Create());
        using var runner = new ClientKit(server.Address, server.WorkerToken);
        await server.Api.StartAsync("demo", "single");
        var job = await Eventually.GetAsync(() => runner.Runner.LeaseAsync(new LeaseRequest("w", ["cpu"], 1, "test-host", 5), default), j => j != null, "a job");

        var accepted = await runner.Runner.FailAsync(job!.JobId, new FailRequest("someone else's lease", "late"), default);

        Assert.False(accepted);
    }

    [Fact]
    public async Task PutBlob_IsSentAgain_WhenTheServerFailsItUntilItsFolderIsRepaired()
    {
        using var data = new TestData();
        await using var server = await ServerHost.StartAsync(data.Directory);
        using var runner = new ClientKit(server.Address, server.WorkerToken);
        var file = Path.Combine(data.Directory, "upload.bin");
        var bytes = RandomNumberGenerator.GetBytes(100_000);
        await File.WriteAllBytesAsync(file, bytes);
        var hash = Convert.ToHexStringLower(SHA256.HashData(bytes));
        // Where uploads are written is a file now: every upload fails with a 500, as a server with a broken folder answers.
        var incoming = Path.Combine(data.Directory, "blob", "incoming");
        if (Directory.Exists(incoming)) Directory.Delete(incoming, recursive: true);
        await File.WriteAllTextAsync(incoming, "in the way");

        var upload = runner.Runner.PutBlobAsync(hash, file, default);
        await Eventually.GetAsync(() => Task.FromResult(runner.Log.Attempts), a => a.Contains("PUT 500"), "an upload the server failed");
        File.Delete(incoming);
        Directory.CreateDirectory(incoming);
        await upload;

        Assert.Equal(bytes.Length, await runner.Runner.BlobSizeAsync(hash, default));
        Assert.Equal("PUT 200", runner.Log.Attempts.Last(a => a.StartsWith("PUT", StringComparison.Ordinal)).Replace("201", "200"));
    }

    [Fact]
    public async Task Calls_WaitForTheServer_WhenItIsRestarting()
    {
        using var data = new TestData();
        Uri address;
        string token;
        await using (var first = await ServerHost.StartAsync(data.Directory))
            (address, token) = (first.Address, first.WorkerToken);
        using var runner = new ClientKit(address, token);

        var size = runner.Runner.BlobSizeAsync(new string('0', 64), default);
        await Eventually.GetAsync(() => Task.FromResult(runner.Log.Attempts), a => a.Contains("HEAD ConnectionError"), "a request to the stopped server");
        await using var second = await ServerHost.StartAsync(data.Directory, o => o.Port = address.Port, workerToken: token);

        Assert.Null(await size);
        Assert.StartsWith("HEAD 404", runner.Log.Attempts[^1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Retries_AreNotLoggedAboveDebug_WhenTheServerIsAway()
    {
        using var runner = new ClientKit(new Uri($"http://127.0.0.1:{FreePort()}"), "t", o => o.MaxRetries = 2);

        var error = await Assert.ThrowsAsync<DeepForgeApiException>(() => runner.Runner.BlobSizeAsync(new string('0', 64), default));

        Assert.True(error.Transient);
        Assert.Equal(3, runner.Log.Attempts.Count);
        Assert.DoesNotContain(runner.Logs.Lines, l => l.Category.StartsWith("Polly", StringComparison.Ordinal));
    }

    private static int FreePort()
    {
        using var listener = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
