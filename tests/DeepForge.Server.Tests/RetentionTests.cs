using DeepForge.Models;
using DeepForge.Server.Retention;
using DeepForge.Server.Tests.Infrastructure;
using DeepForge.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace DeepForge.Server.Tests;

/// <summary>The store's retention: job records of finished executions go after a while, logs when asked, a running execution never.</summary>
public sealed class RetentionTests
{
    private static readonly DateTimeOffset TwoDaysOn = DateTimeOffset.UtcNow.AddDays(2);

    [Fact]
    public async Task JobRecords_OfAnExecutionFinishedLongerAgoThanTheRetention_AreRemoved_AndTheExecutionStays()
    {
        using var data = new TestData();
        await using var server = await ServerHost.StartAsync(data.Directory);
        var id = await FinishedRunAsync(server);

        var result = await server.Services.GetRequiredService<StorePruner>().PruneAsync(TwoDaysOn, CancellationToken.None);

        Assert.Equal(3, result.JobRecords);
        Assert.Empty(await server.Api.JobsAsync(id));
        var execution = await server.Api.ExecutionAsync(id);
        Assert.Equal(ExecutionStatus.Succeeded, execution.Execution.Status);
        Assert.All(await server.Services.GetRequiredService<DeepForge.Runtime.ExecutionService>().NodesAsync(id), n => Assert.Equal(NodeStatus.Succeeded, n.Status));
    }

    [Fact]
    public async Task JobRecords_AreKept_WithinTheRetention()
    {
        using var data = new TestData();
        await using var server = await ServerHost.StartAsync(data.Directory);
        var id = await FinishedRunAsync(server);

        var result = await server.Services.GetRequiredService<StorePruner>().PruneAsync(DateTimeOffset.UtcNow.AddHours(1), CancellationToken.None);

        Assert.Equal(0, result.JobRecords);
        Assert.Equal(3, (await server.Api.JobsAsync(id)).Count);
    }

    [Fact]
    public async Task RunningExecution_IsNeverPruned()
    {
        using var data = new TestData();
        await using var server = await ServerHost.StartAsync(data.Directory, o => o.ExecutionLogRetention = TimeSpan.Zero);
        await server.Api.SaveProjectAsync(TestProjects.Create());
        using var worker = server.Worker("w");
        var started = await server.Api.StartAsync("demo", "chain");
        await worker.RunJobsAsync(1); // the first job is done, the execution runs on
        await worker.NextJobAsync();

        var result = await server.Services.GetRequiredService<StorePruner>().PruneAsync(TwoDaysOn, CancellationToken.None);

        Assert.Equal(new PruneResult(0, 0), result);
        Assert.Equal(2, (await server.Api.JobsAsync(started.Execution.Id)).Count);
    }

    [Fact]
    public async Task LogsAndFeedback_AreRemoved_OnlyWhenALogRetentionIsSet()
    {
        using var data = new TestData();
        await using var server = await ServerHost.StartAsync(data.Directory, o => o.ExecutionLogRetention = TimeSpan.FromDays(1));
        var id = await FinishedRunAsync(server);
        var documents = server.Services.GetRequiredService<DeepForgeStore>().Documents;
        await documents.AppendAsync(Collections.LogStream(id, "numbers"), ["a line"]);

        var result = await server.Services.GetRequiredService<StorePruner>().PruneAsync(TwoDaysOn, CancellationToken.None);

        Assert.Equal(1, result.ExecutionLogs);
        Assert.Empty(await documents.ReadStreamAsync(Collections.LogStream(id, "numbers"), 0, 10));
    }

    [Fact]
    public async Task NegativeRetention_StopsTheServerFromStarting_NamingTheOption()
    {
        using var data = new TestData();

        var error = await Assert.ThrowsAsync<Microsoft.Extensions.Options.OptionsValidationException>(async () =>
        {
            await using var app = ServerHost.Build(data.Directory, o => o.JobRecordRetention = TimeSpan.FromHours(-1));
            await app.StartAsync();
        });

        Assert.Contains("DeepForgeServerOptions.JobRecordRetention is -01:00:00", error.Message);
    }

    private static async Task<string> FinishedRunAsync(ServerHost server)
    {
        await server.Api.SaveProjectAsync(TestProjects.Create());
        using var worker = server.Worker("w");
        var started = await server.Api.StartAsync("demo", "chain");
        await worker.RunJobsAsync(3);
        await server.Api.WaitForAsync(started.Execution.Id, ExecutionStatus.Succeeded);
        return started.Execution.Id;
    }
}
