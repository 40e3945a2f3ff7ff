using System.Net;
using System.Security.Cryptography;
using DeepForge.Dispatch;
using DeepForge.Models;
using DeepForge.Server.Tests.Infrastructure;

namespace DeepForge.Server.Tests;

/// <summary>A worker's completion is stored only when it carries exactly the declared outputs, each an uploaded blob; a job completes once.</summary>
public sealed class CompletionTests
{
    [Fact]
    public async Task Complete_IsRefused_AndFailsTheRun_WhenADeclaredOutputIsMissing()
    {
        var (status, error, cachedAgain) = await CompleteWithAsync(_ => Task.FromResult(new Dictionary<string, OutputValue>()));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, status);
        Assert.Contains("output 'values' that operation 'Numbers' declares is missing", error);
        Assert.False(cachedAgain);
    }

    [Fact]
    public async Task Complete_IsRefused_AndFailsTheRun_WhenAnOutputIsNotDeclared()
    {
        var (status, error, cachedAgain) = await CompleteWithAsync(async worker => new Dictionary<string, OutputValue>
        {
            ["values"] = await worker.UploadAsync(new[] { 1, 2, 3 }), ["extra"] = await worker.UploadAsync(new[] { 4 }),
        });

        Assert.Equal(HttpStatusCode.UnprocessableEntity, status);
        Assert.Contains("output 'extra' is not one operation 'Numbers' declares (it declares: values)", error);
        Assert.False(cachedAgain);
    }

    [Fact]
    public async Task Complete_IsRefused_AndFailsTheRun_WhenAnOutputNamesABlobTheServerDoesNotHave()
    {
        var foreign = Convert.ToHexStringLower(SHA256.HashData("never uploaded"u8));
        var (status, error, cachedAgain) = await CompleteWithAsync(_ => Task.FromResult(new Dictionary<string, OutputValue>
        {
            ["values"] = new("int[]", foreign, 14),
        }));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, status);
        Assert.Contains($"blob {foreign} is not on this server", error);
        Assert.False(cachedAgain);
    }

    [Fact]
    public async Task Complete_IsRefused_AndFailsTheRun_WhenAnOutputsSizeIsNotItsBlobs()
    {
        var (status, error, cachedAgain) = await CompleteWithAsync(async worker =>
        {
            var values = await worker.UploadAsync(new[] { 1, 2, 3 });
            return new Dictionary<string, OutputValue> { ["values"] = values with { Size = values.Size + 1 } };
        });

        Assert.Equal(HttpStatusCode.UnprocessableEntity, status);
        Assert.Contains("the report says", error);
        Assert.False(cachedAgain);
    }

    [Fact]
    public async Task A_second_complete_is_answered_409_and_the_first_result_stays()
    {
        using var data = new TestData();
        await using var server = await ServerHost.StartAsync(data.Directory);
        await server.Api.SaveProjectAsync(TestProjects.Create());
        using var worker = server.Worker("twice");
        var started = await server.Api.StartAsync("demo", "single");
        var first = await worker.UploadAsync(new[] { 1, 2, 3 });
        var second = await worker.UploadAsync(new[] { 7, 8, 9 });
        var job = await worker.NextJobAsync();

        using var accepted = await worker.CompleteAsync(job.JobId, job.LeaseToken, new Dictionary<string, OutputValue> { ["values"] = first });
        using var again = await worker.CompleteAsync(job.JobId, job.LeaseToken, new Dictionary<string, OutputValue> { ["values"] = second });

        await ApiClient.Expect(accepted, HttpStatusCode.OK);
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Contains($"job {job.JobId} has already completed", await again.Content.ReadAsStringAsync());
        var finished = await server.Api.WaitForAsync(started.Execution.Id, ExecutionStatus.Succeeded);
        Assert.Equal(first.Hash, finished.Nodes.Single(n => n.NodeId == "numbers").Outputs["values"].Hash);
    }

    [Fact]
    public async Task A_report_with_a_token_that_never_was_the_jobs_lease_is_told_so_not_that_a_lease_expired()
    {
        using var data = new TestData();
        await using var server = await ServerHost.StartAsync(data.Directory);
        await server.Api.SaveProjectAsync(TestProjects.Create());
        using var holder = server.Worker("holder");
        using var stranger = server.Worker("stranger");
        await server.Api.StartAsync("demo", "single");
        var job = await holder.NextJobAsync();

        using var refused = await stranger.HeartbeatAsync(job.JobId, Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(24)), "not mine\n");
        using var held = await holder.HeartbeatAsync(job, "mine\n");

        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        var message = await refused.Content.ReadAsStringAsync();
        Assert.Contains("this token is not the job's lease (runner 'holder' holds it with another token)", message);
        Assert.DoesNotContain("expired", message);
        await ApiClient.Expect(held, HttpStatusCode.OK);
    }

    // Leases the one job of "single", completes it with the given outputs, and reports the answer, the
    // execution's error, and whether running the pipeline again took the refused result from the cache.
    private static async Task<(HttpStatusCode Status, string Error, bool CachedAgain)> CompleteWithAsync(Func<WorkerClient, Task<Dictionary<string, OutputValue>>> outputs)
    {
        using var data = new TestData();
        await using var server = await ServerHost.StartAsync(data.Directory);
        await server.Api.SaveProjectAsync(TestProjects.Create());
        using var worker = server.Worker("poisoner");
        var started = await server.Api.StartAsync("demo", "single");
        var job = await worker.NextJobAsync();
        var reported = await outputs(worker);

        using var response = await worker.CompleteAsync(job.JobId, job.LeaseToken, reported);

        var failed = await server.Api.WaitForAsync(started.Execution.Id, ExecutionStatus.Failed);
        Assert.Equal(JobStatus.Failed, Assert.Single(await server.Api.JobsAsync(started.Execution.Id)).Status);
        var error = failed.Execution.Error ?? "";
        // The worker hears the same reason the execution keeps.
        Assert.Contains("nothing was stored or cached", await response.Content.ReadAsStringAsync());
        var again = await server.Api.StartAsync("demo", "single");
        var rerun = await worker.LeaseAsync(waitSeconds: 10);
        Assert.True(rerun == null || rerun.Spec.ExecutionId == again.Execution.Id);
        return (response.StatusCode, error, CachedAgain: rerun == null);
    }
}
