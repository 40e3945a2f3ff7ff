using System.Diagnostics;
using System.Net;
using Microsoft.Extensions.DependencyInjection;
using DeepForge.Dispatch;
using DeepForge.Models;
using DeepForge.Worker.Tests.Infrastructure;

namespace DeepForge.Worker.Tests;

/// <summary>Faults of the server's disk end in a clear state: the job fails with the reason, and the worker goes on.</summary>
public sealed class FaultTests
{
    [Fact]
    public async Task A_full_blob_folder_fails_the_run_with_the_reason_and_the_worker_runs_the_next_job()
    {
        using var folder = new TempFolder();
        using var disk = SmallDisk.Mount(folder["server/blob"]);
        await using var server = await ServerHost.StartAsync(folder["server"]);
        await using var worker = await AgentHost.StartAsync(server.Url, folder["worker"]);
        await server.SaveProjectAsync("p", Pipelines.SlowThenScale(milliseconds: 1500, count: 2000));
        var id = await server.StartExecutionAsync("p", "slowscale");
        await Eventually.TrueAsync(() => server.Engine.Executions.LogAsync(id, "slow").GetAwaiter().GetResult().Contains("waited 500 ms"), "the slow job to run");

        disk.Fill();

        var failed = await server.WaitForEndAsync(id);
        Assert.True(failed.Status == ExecutionStatus.Failed, $"{failed.Status}: {failed.Error}\n{worker.Logs.Dump()}");
        Assert.Contains("could not upload its outputs", failed.Error);
        Assert.Contains("has no space left", failed.Error);
        using var ready = await server.Http.GetAsync("/ready");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
        Assert.Contains("does not take writes", await ready.Content.ReadAsStringAsync());
        // Small values live in the store, not the full folder: the next run goes through on the same worker.
        await server.SaveProjectAsync("next", Pipelines.Chain(count: 3, factor: 2));
        var next = await server.WaitForEndAsync(await server.StartExecutionAsync("next", "chain"));
        Assert.True(next.Status == ExecutionStatus.Succeeded, $"{next.Status}: {next.Error}\n{worker.Logs.Dump()}");
    }

    [Fact]
    public async Task An_upload_the_server_keeps_failing_holds_the_lease_with_heartbeats_and_stops_when_the_run_is_cancelled()
    {
        using var folder = new TempFolder();
        await using var server = await ServerHost.StartAsync(folder["server"], configure: o => o.LeaseDuration = TimeSpan.FromSeconds(2));
        await using var worker = await AgentHost.StartAsync(server.Url, folder["worker"], w => w.IdleHeartbeatInterval = TimeSpan.FromMilliseconds(300));
        await server.SaveProjectAsync("p", Pipelines.SlowThenScale(milliseconds: 1000, count: 2000));
        var id = await server.StartExecutionAsync("p", "slowscale");
        await Eventually.TrueAsync(() => server.Engine.Executions.LogAsync(id, "slow").GetAwaiter().GetResult().Contains("waited 500 ms"), "the slow job to run");

        // Where uploads are written is now a file: every upload fails with a 500, as a server with a broken folder answers.
        var incoming = Path.Combine(server.BlobDirectory, "incoming");
        Directory.Delete(incoming, recursive: true);
        await File.WriteAllTextAsync(incoming, "not a folder");
        await Eventually.TrueAsync(() => worker.Logs.Lines.Count(l => l.Message.Contains("uploading the outputs of job")) >= 3, "the worker to retry the upload", seconds: 60);
        await Task.Delay(TimeSpan.FromSeconds(3)); // longer than a lease: only heartbeats keep the job
        var jobs = server.Services.GetRequiredService<JobQueue>();
        var held = (await jobs.OfExecutionAsync(id, CancellationToken.None)).Single(j => j.NodeId == "scale");
        using var cancel = await server.Http.PostAsync($"/api/v1/executions/{id}/cancel", new StringContent("{}", System.Text.Encoding.UTF8, "application/json"));
        cancel.EnsureSuccessStatusCode();

        var ended = await server.WaitForEndAsync(id);
        Assert.Equal((JobStatus.Leased, 1), (held.Status, held.Attempts));
        Assert.True(ended.Status == ExecutionStatus.Cancelled, $"{ended.Status}: {ended.Error}\n{worker.Logs.Dump()}");
        // The worker stopped the upload and reported the cancel; the job never went back to the queue.
        await Eventually.TrueAsync(() => jobs.OfExecutionAsync(id, CancellationToken.None).GetAwaiter().GetResult().Single(j => j.NodeId == "scale") is { Status: JobStatus.Cancelled, Attempts: 1 },
            "the worker to report the cancelled job");
    }

    [Fact]
    public async Task A_starting_worker_removes_the_job_folders_of_workers_that_were_killed_and_keeps_those_of_running_ones()
    {
        using var folder = new TempFolder();
        var jobs = Path.Combine(folder["worker"], "worker", "jobs");
        using var gone = Process.Start("sleep", "0.5")!;
        var killedWorkers = Path.Combine(jobs, OwnerFolder(gone.Id, gone.StartTime), "job-1-abcd");
        await gone.WaitForExitAsync();
        using var alive = Process.Start("sleep", "120")!;
        var runningWorkers = Path.Combine(jobs, OwnerFolder(alive.Id, alive.StartTime), "job-2-abcd");
        try
        {
            foreach (var job in new[] { killedWorkers, runningWorkers })
            {
                Directory.CreateDirectory(job);
                await File.WriteAllTextAsync(Path.Combine(job, "half-written.bin"), "partial");
            }

            await using var server = await ServerHost.StartAsync(folder["server"]);
            await using var worker = await AgentHost.StartAsync(server.Url, folder["worker"]);

            await Eventually.TrueAsync(() => !Directory.Exists(Path.GetDirectoryName(killedWorkers)), "the killed worker's job folders to go");
            Assert.True(File.Exists(Path.Combine(runningWorkers, "half-written.bin")));
        }
        finally
        {
            alive.Kill();
        }
    }

    // How a worker process names the folder of its jobs: its process id and start time.
    private static string OwnerFolder(int pid, DateTime started) => $"w{pid}-{new DateTimeOffset(started.ToUniversalTime(), TimeSpan.Zero).ToUnixTimeMilliseconds()}";
}
