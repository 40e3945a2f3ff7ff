using System.Net;
using System.Text.Json;
using DeepForge.Api;
using DeepForge.Identity;
using DeepForge.Metrics;
using DeepForge.Models;
using DeepForge.Server.Tests.Client;
using DeepForge.Server.Tests.Infrastructure;
using DeepForge.Sweeps;
using Microsoft.Extensions.DependencyInjection;

namespace DeepForge.Server.Tests.Sweeps;

/// <summary>A sweep's table follows the project read rule for runs served from another project's run through the shared cache.</summary>
public sealed class SweepAccessTests
{
    [Fact]
    public async Task SweepTable_LeavesOutScoresReusedFromAnotherProjectsRun_ForAReaderWhoMayNotReadThatProject()
    {
        using var data = new TestData();
        await using var server = await ServerHost.StartAsync(data.Directory);
        await server.Api.SaveProjectAsync(TestProjects.Create("alices"));
        await server.Api.SaveProjectAsync(TestProjects.Create("bobs"));
        await server.Services.GetRequiredService<ProjectAccess>().ShareAsync("bobs", "bob", PersonRole.Viewer, default); // not alices
        using var worker = server.Worker("w");
        var first = await server.Api.StartAsync("alices", "single");
        var job = await worker.NextJobAsync();
        using (var beat = await worker.HeartbeatAsync(job.JobId, job.LeaseToken, [], [MetricReport.Event("accuracy", 0.9183)]))
            await ApiClient.Expect(beat, HttpStatusCode.OK);
        using (var done = await worker.RunAsync(job)) await ApiClient.Expect(done, HttpStatusCode.OK);
        await server.Api.WaitForAsync(first.Execution.Id, ExecutionStatus.Succeeded);
        // The same code, inputs and attributes in bob's project: the cache, shared by all projects, serves alice's run.
        using var admin = new ClientKit(server.Address, await server.TokenForAsync(ServerHost.AdminName, PersonRole.Admin));
        var values = new SweepParameter { Node = "numbers", Attribute = "count", Values = [JsonSerializer.SerializeToElement(3)] };
        var sweep = (await admin.Api.StartSweepAsync("bobs", new StartSweepRequest("single", [values]), CancellationToken.None)).Sweep;
        var adminSees = await Eventually.GetAsync(() => admin.Api.SweepAsync("bobs", sweep.Id, CancellationToken.None), t => t.Finished, "the sweep to end");
        using var bob = new ClientKit(server.Address, await server.TokenForAsync("bob", PersonRole.Editor));

        var bobSees = await bob.Api.SweepAsync("bobs", sweep.Id, CancellationToken.None);

        Assert.Equal(0.9183, Assert.Single(adminSees.Rows).Metrics["accuracy"]);
        Assert.Empty(Assert.Single(bobSees.Rows).Metrics);
    }
}
