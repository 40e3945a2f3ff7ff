using System.Net;
using System.Text.Json;
using DeepForge.Api;
using DeepForge.Client;
using DeepForge.Identity;
using DeepForge.Models;
using DeepForge.Server.Tests.Client;
using DeepForge.Server.Tests.Infrastructure;
using DeepForge.Sweeps;
using Microsoft.Extensions.DependencyInjection;

namespace DeepForge.Server.Tests.Sweeps;

/// <summary>Sweeps over the REST API with the typed client: runs as ordinary executions on workers, a few at a time, sharing the cache.</summary>
public sealed class SweepApiTests
{
    [Fact]
    public async Task Sweep_WithParallelOne_StartsTheNextRunOnlyWhenTheLastHasEnded()
    {
        using var data = new TestData();
        await using var server = await ServerHost.StartAsync(data.Directory);
        await server.Api.SaveProjectAsync(TestProjects.Create());
        using var client = new ClientKit(server.Address, await server.TokenForAsync(ServerHost.AdminName, PersonRole.Admin));
        using var worker = server.Worker("w");

        var started = await client.Api.StartSweepAsync("demo", new StartSweepRequest("single", [Values("numbers", "count", 1, 2)], Parallel: 1), CancellationToken.None);
        var first = await worker.NextJobAsync();
        var second = started.Sweep.Runs.Single(r => r.ExecutionId != first.Spec.ExecutionId).ExecutionId;

        Assert.Equal(ExecutionStatus.Pending, (await client.Api.GetExecutionAsync(second, CancellationToken.None)).Execution.Status);
        using (var done = await worker.RunAsync(first)) await ApiClient.Expect(done, HttpStatusCode.OK);
        var next = await worker.NextJobAsync();
        Assert.Equal(second, next.Spec.ExecutionId);
    }

    [Fact]
    public async Task Sweep_RunsAreOrdinaryExecutions_ThatShareTheUnchangedUpstreamOperation()
    {
        using var data = new TestData();
        await using var server = await ServerHost.StartAsync(data.Directory);
        await server.Api.SaveProjectAsync(TestProjects.Create());
        using var client = new ClientKit(server.Address, await server.TokenForAsync(ServerHost.AdminName, PersonRole.Admin));
        using var worker = server.Worker("w");

        var started = await client.Api.StartSweepAsync("demo", new StartSweepRequest("chain", [Values("scale", "factor", 1.0, 3.0)], Goal: SweepGoal.Max), CancellationToken.None);
        // Three jobs for the first run (numbers, scale, sum), two for the second: its numbers comes from the cache.
        await worker.RunJobsAsync(5);
        var table = await EventuallyFinishedAsync(client.Api, started.Sweep.Id);

        Assert.Equal(2, table.Rows.Count);
        var cached = await server.Services.GetRequiredService<DeepForgeEngine>().Executions.NodesAsync(started.Sweep.Runs[1].ExecutionId);
        Assert.True(cached.Single(n => n.NodeId == "numbers").FromCache);
        Assert.Equal([ExecutionStatus.Succeeded], table.Rows.Select(r => r.Status).Distinct());
        Assert.Contains(started.Sweep.Id, (await client.Api.SweepsAsync("demo", CancellationToken.None)).Select(s => s.Id));
    }

    [Fact]
    public async Task Sweep_WithAValueOutsideTheAttributesRange_IsRefusedWith400_AndStoresNothing()
    {
        using var data = new TestData();
        await using var server = await ServerHost.StartAsync(data.Directory);
        await server.Api.SaveProjectAsync(TestProjects.Create());
        using var client = new ClientKit(server.Address, await server.TokenForAsync(ServerHost.AdminName, PersonRole.Admin));

        var refused = await Assert.ThrowsAsync<DeepForgeApiException>(() =>
            client.Api.StartSweepAsync("demo", new StartSweepRequest("single", [Values("numbers", "count", 2, 5000)]), CancellationToken.None));

        Assert.Equal(HttpStatusCode.BadRequest, refused.Status);
        Assert.Contains("node 'numbers' attribute 'count' is 5000", refused.Problem);
        Assert.Empty(await client.Api.ExecutionsAsync("demo", CancellationToken.None));
        Assert.Empty(await client.Api.SweepsAsync("demo", CancellationToken.None));
    }

    [Fact]
    public async Task Sweep_OfAnotherProject_Answers404()
    {
        using var data = new TestData();
        await using var server = await ServerHost.StartAsync(data.Directory);
        await server.Api.SaveProjectAsync(TestProjects.Create());
        using var client = new ClientKit(server.Address, await server.TokenForAsync(ServerHost.AdminName, PersonRole.Admin));

        var missing = await Assert.ThrowsAsync<DeepForgeApiException>(() => client.Api.SweepAsync("demo", "nosuch", CancellationToken.None));

        Assert.Equal(HttpStatusCode.NotFound, missing.Status);
        Assert.Contains("project 'demo' has no sweep 'nosuch'", missing.Problem);
    }

    private static SweepParameter Values(string node, string attribute, params object[] values) =>
        new() { Node = node, Attribute = attribute, Values = values.Select(v => JsonSerializer.SerializeToElement(v)).ToList() };

    private static Task<SweepTable> EventuallyFinishedAsync(IDeepForgeClient api, string sweepId) =>
        Eventually.GetAsync(() => api.SweepAsync("demo", sweepId, CancellationToken.None), t => t.Finished, $"sweep {sweepId} to end");
}
