using System.Net;
using DeepForge.Dispatch;
using DeepForge.Models;
using DeepForge.Server.Tests.Infrastructure;

namespace DeepForge.Server.Tests;

/// <summary>Leases: one holder at a time, expiry puts the job back, and the holder that lost it is refused.</summary>
public sealed class LeaseTests
{
    [Fact]
    public async Task A_second_lease_request_gets_nothing_while_the_only_job_is_leased()
    {
        using var data = new TestData();
        await using var server = await ServerHost.StartAsync(data.Directory);
        await server.Api.SaveProjectAsync(TestProjects.Create());
        using var first = server.Worker("first");
        using var second = server.Worker("second");
        var started = await server.Api.StartAsync("demo", "single");

        var job = await first.NextJobAsync();
        var none = await second.LeaseAsync(waitSeconds: 1);

        Assert.Null(none);
        Assert.Equal(started.Execution.Id, job.Spec.ExecutionId);
        var held = Assert.Single(await server.Api.JobsAsync(started.Execution.Id));
        Assert.Equal((JobStatus.Leased, "first", 1), (held.Status, held.RunnerId, held.Attempts));
    }

    [Fact]
    public async Task An_expired_lease_requeues_the_job_another_runner_completes_it_and_the_first_runners_late_reports_are_refused()
    {
        using var data = new TestData();
        await using var server = await ServerHost.StartAsync(data.Directory, o => o.LeaseDuration = TimeSpan.FromSeconds(1));
        await server.Api.SaveProjectAsync(TestProjects.Create());
        using var lost = server.Worker("lost");
        using var rescuer = server.Worker("rescuer");
        var started = await server.Api.StartAsync("demo", "single");
        // Uploaded before leasing, so the rescuer completes in one request, well within its own short lease.
        var values = await rescuer.UploadAsync(new[] { 1, 2, 3 });

        var job = await lost.NextJobAsync();
        var again = await rescuer.NextJobAsync();
        using var completed = await rescuer.CompleteAsync(again.JobId, again.LeaseToken, new Dictionary<string, OutputValue> { ["values"] = values });
        using var lateBeat = await lost.HeartbeatAsync(job, "still here\n");
        using var lateComplete = await lost.CompleteAsync(job.JobId, job.LeaseToken, new Dictionary<string, OutputValue> { ["values"] = values });
        using var lateFail = await lost.FailAsync(job.JobId, job.LeaseToken, "gave up");

        Assert.Equal(job.JobId, again.JobId);
        Assert.NotEqual(job.LeaseToken, again.LeaseToken);
        await ApiClient.Expect(completed, HttpStatusCode.OK);
        Assert.Equal(HttpStatusCode.Conflict, lateBeat.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, lateComplete.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, lateFail.StatusCode);
        Assert.Contains("has already completed", await lateComplete.Content.ReadAsStringAsync());
        Assert.Contains("no longer leased with this token: it has already succeeded", await lateBeat.Content.ReadAsStringAsync());
        var finished = await server.Api.WaitForAsync(started.Execution.Id, ExecutionStatus.Succeeded);
        Assert.Equal(values.Hash, finished.Nodes.Single(n => n.NodeId == "numbers").Outputs["values"].Hash);
        var only = Assert.Single(await server.Api.JobsAsync(started.Execution.Id));
        Assert.Equal((JobStatus.Succeeded, 2), (only.Status, only.Attempts));
        Assert.Single(await server.Api.ArtifactsAsync("demo"), a => a.Name == "values");
        var log = await server.Api.Http.GetStringAsync($"/api/v1/executions/{started.Execution.Id}/nodes/numbers/log");
        Assert.DoesNotContain("still here", log);
    }

    [Fact]
    public async Task A_job_that_loses_its_worker_every_time_fails_after_its_attempts_and_says_why()
    {
        using var data = new TestData();
        await using var server = await ServerHost.StartAsync(data.Directory, o => (o.LeaseDuration, o.MaxAttempts) = (TimeSpan.FromSeconds(1), 2));
        await server.Api.SaveProjectAsync(TestProjects.Create());
        using var flaky = server.Worker("flaky");
        var started = await server.Api.StartAsync("demo", "single");

        var first = await flaky.NextJobAsync();
        var second = await flaky.NextJobAsync();

        var failed = await server.Api.WaitForAsync(started.Execution.Id, ExecutionStatus.Failed);
        Assert.Equal(first.JobId, second.JobId);
        Assert.Contains("lost its worker 2 times", failed.Execution.Error);
        Assert.Equal(JobStatus.Failed, Assert.Single(await server.Api.JobsAsync(started.Execution.Id)).Status);
    }
}
