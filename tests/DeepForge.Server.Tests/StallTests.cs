using System.Net;
using DeepForge.Dispatch;
using DeepForge.Models;
using DeepForge.Server.Tests.Infrastructure;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace DeepForge.Server.Tests;

/// <summary>Time in which the server could not write is not held against a worker's lease: work done meanwhile is kept, not run twice.</summary>
public sealed class StallTests
{
    [Fact]
    public async Task A_store_locked_longer_than_a_lease_does_not_take_the_job_from_its_worker()
    {
        using var data = new TestData();
        // Long enough that heartbeats 300 ms apart keep it on a loaded machine (with 2 s, a starved test process
        // let it run out now and then, stall or not), short enough for a stall of several leases.
        var lease = TimeSpan.FromSeconds(4);
        await using var server = await ServerHost.StartAsync(data.Directory, o => o.LeaseDuration = lease);
        await server.Api.SaveProjectAsync(TestProjects.Create());
        using var holder = server.Worker("holder");
        using var rival = server.Worker("rival");
        var started = await server.Api.StartAsync("demo", "single");
        var job = await holder.NextJobAsync();
        var values = await holder.UploadAsync(new[] { 1, 2, 3 });
        // The lease is whole when the stall begins (on a loaded machine the upload alone may take a good part of it).
        using (var fresh = await holder.HeartbeatAsync(job)) await ApiClient.Expect(fresh, HttpStatusCode.OK);

        // Another process holds the database file for three leases, as a backup tool or a stuck writer would.
        await using (var locker = new SqliteConnection($"Data Source={Path.Combine(data.Directory, "deepforge.db")}"))
        {
            await locker.OpenAsync();
            using (var begin = locker.CreateCommand()) { begin.CommandText = "BEGIN EXCLUSIVE;"; await begin.ExecuteNonQueryAsync(); }
            var log = server.Services.GetRequiredService<ILoggerFactory>().CreateLogger("DeepForge.Tests.Stall");
            log.LogInformation("stall begins");
            // An idle worker waits for work through the stall and after it, as idle workers long-poll.
            var rivalAsks = rival.LeaseAsync(waitSeconds: 3);
            var beat = holder.HeartbeatAsync(job, "during the stall\n");
            await Task.Delay(lease * 3);
            using (var commit = locker.CreateCommand()) { commit.CommandText = "COMMIT;"; await commit.ExecuteNonQueryAsync(); }
            log.LogInformation("stall ends");
            using var beatAnswer = await beat;
            await ApiClient.Expect(beatAnswer, HttpStatusCode.OK);
            // The holder goes on heartbeating as a worker does, while the rival still waits.
            while (!rivalAsks.IsCompleted)
            {
                using var next = await holder.HeartbeatAsync(job);
                await ApiClient.Expect(next, HttpStatusCode.OK);
                await Task.Delay(300);
            }
            Assert.Null(await rivalAsks);
        }
        using var completed = await holder.CompleteAsync(job.JobId, job.LeaseToken, new Dictionary<string, OutputValue> { ["values"] = values });

        await ApiClient.Expect(completed, HttpStatusCode.OK);
        Assert.Null(await rival.LeaseAsync(waitSeconds: 1));
        await server.Api.WaitForAsync(started.Execution.Id, ExecutionStatus.Succeeded);
        var only = Assert.Single(await server.Api.JobsAsync(started.Execution.Id));
        Assert.Equal((JobStatus.Succeeded, 1, "holder"), (only.Status, only.Attempts, only.RunnerId));
    }

    [Fact]
    public async Task A_completion_from_the_holder_of_an_expired_lease_is_kept_when_nobody_leased_the_job_again()
    {
        using var data = new TestData();
        await using var server = await ServerHost.StartAsync(data.Directory, o => o.LeaseDuration = TimeSpan.FromSeconds(1));
        await server.Api.SaveProjectAsync(TestProjects.Create());
        using var late = server.Worker("late");
        var started = await server.Api.StartAsync("demo", "single");
        var job = await late.NextJobAsync();
        var values = await late.UploadAsync(new[] { 1, 2, 3 });
        await Eventually.GetAsync(() => server.Api.JobsAsync(started.Execution.Id), jobs => jobs.Single().Status == JobStatus.Queued, "the lease expired");

        using var completed = await late.CompleteAsync(job.JobId, job.LeaseToken, new Dictionary<string, OutputValue> { ["values"] = values });

        await ApiClient.Expect(completed, HttpStatusCode.OK);
        var finished = await server.Api.WaitForAsync(started.Execution.Id, ExecutionStatus.Succeeded);
        Assert.Equal(values.Hash, finished.Nodes.Single(n => n.NodeId == "numbers").Outputs["values"].Hash);
        Assert.Equal((JobStatus.Succeeded, 1), (Assert.Single(await server.Api.JobsAsync(started.Execution.Id)) is var j ? (j.Status, j.Attempts) : default));
    }
}
