using DeepForge.Hosting;
using DeepForge.Plugins;
using DeepForge.Worker.Jobs;
using DeepForge.Worker.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace DeepForge.Worker.Tests;

/// <summary>RunInChildProcess off: the worker runs jobs in its own process, for tests and embedding apps.</summary>
public sealed class InProcessTests
{
    [Fact]
    public async Task InProcess_RunsTheJobAgainstTheCache_WithItsConsoleOutputAsLog()
    {
        using var fixture = await JobFixture.CreateAsync();
        await using var services = new ServiceCollection().AddDeepForge().BuildServiceProvider();
        var cache = fixture.Cache();
        var executor = new InProcessExecutor(services.GetRequiredService<PluginRegistry>(), cache.Store);
        var job = fixture.Job("Talk", new { message = "in process", lines = 2 });
        await cache.EnsureJobAsync(job, CancellationToken.None);
        var report = new ReportBuffer();

        var outcome = await executor.RunAsync(job, fixture.NewJobFolder(), report, CancellationToken.None);

        Assert.True(outcome.Succeeded, outcome.Error + "\n" + outcome.Details);
        Assert.Equal(2, await JobFixture.ReadAsync<int>(cache.Store, outcome.Outputs!["count"]));
        Assert.Contains("in process 0\nin process 1\n", string.Concat(report.Take().Log));
    }

    [Fact]
    public async Task InProcess_CodeBlobMissing_FailsTheJobSayingSo()
    {
        using var fixture = await JobFixture.CreateAsync();
        await using var services = new ServiceCollection().AddDeepForge().BuildServiceProvider();
        var cache = fixture.Cache();
        var executor = new InProcessExecutor(services.GetRequiredService<PluginRegistry>(), cache.Store);

        var outcome = await executor.RunAsync(fixture.Job("Numbers"), fixture.NewJobFolder(), new ReportBuffer(), CancellationToken.None);

        Assert.False(outcome.Succeeded);
        Assert.Contains("operation 'Numbers' of node 'n1' could not start", outcome.Error);
        Assert.Contains($"blob {fixture.AssemblyBlob} is missing", outcome.Error);
    }
}
