using DeepForge.Server.Tests.Infrastructure;

namespace DeepForge.Server.Tests;

/// <summary>Jobs of several executions are handed out fairly, and a job that runs again keeps its attempts apart in its log.</summary>
public sealed class FairnessTests
{
    [Fact]
    public async Task A_later_executions_first_job_is_leased_before_an_earlier_executions_second_job()
    {
        using var data = new TestData();
        await using var server = await ServerHost.StartAsync(data.Directory);
        var project = TestProjects.Create();
        project.Pipelines.Add(TestProjects.Pipeline("wide",
            [TestProjects.Op("a", "Numbers"), TestProjects.Op("b", "Numbers"), TestProjects.Op("c", "Numbers"),
             TestProjects.Output("oa", "wa"), TestProjects.Output("ob", "wb"), TestProjects.Output("oc", "wc")],
            ("a.values", "oa.data"), ("b.values", "ob.data"), ("c.values", "oc.data")));
        await server.Api.SaveProjectAsync(project);
        using var worker = server.Worker("two-slots");
        var wide = await server.Api.StartAsync("demo", "wide");
        await Eventually.GetAsync(() => server.Api.JobsAsync(wide.Execution.Id), jobs => jobs.Count == 3, "the three jobs of 'wide' queued");
        var single = await server.Api.StartAsync("demo", "single");
        await Eventually.GetAsync(() => server.Api.JobsAsync(single.Execution.Id), jobs => jobs.Count == 1, "the job of 'single' queued");

        var first = await worker.NextJobAsync();
        var second = await worker.NextJobAsync();

        Assert.Equal(wide.Execution.Id, first.Spec.ExecutionId);
        Assert.Equal(single.Execution.Id, second.Spec.ExecutionId);
    }

    [Fact]
    public async Task A_job_leased_again_after_its_lease_expired_sets_the_attempts_apart_in_its_log()
    {
        using var data = new TestData();
        await using var server = await ServerHost.StartAsync(data.Directory, o => o.LeaseDuration = TimeSpan.FromSeconds(1));
        await server.Api.SaveProjectAsync(TestProjects.Create());
        using var lost = server.Worker("lost");
        using var rescuer = server.Worker("rescuer");
        var started = await server.Api.StartAsync("demo", "single");
        var job = await lost.NextJobAsync();
        using (var beat = await lost.HeartbeatAsync(job, "first attempt's line\n")) await ApiClient.Expect(beat, System.Net.HttpStatusCode.OK);

        var again = await rescuer.NextJobAsync();
        using (var done = await rescuer.RunAsync(again)) await ApiClient.Expect(done, System.Net.HttpStatusCode.OK);

        await server.Api.WaitForAsync(started.Execution.Id, Models.ExecutionStatus.Succeeded);
        var log = await server.Api.Http.GetStringAsync($"/api/v1/executions/{started.Execution.Id}/nodes/numbers/log");
        var separator = log.IndexOf("--- attempt 2 ---", StringComparison.Ordinal);
        Assert.True(separator > log.IndexOf("first attempt's line", StringComparison.Ordinal), log);
        Assert.Contains("runner 'rescuer' runs the job now", log[separator..]);
    }
}
