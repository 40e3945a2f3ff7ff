using DeepForge.Models;
using DeepForge.Runtime;
using static DeepForge.Core.Tests.TestProjects;

namespace DeepForge.Core.Tests.Leases;

/// <summary>
/// A run an app starts by calling the engine (not in the background) is this process's own: the takeover scan of a
/// server in the same process must not take it, and a second run of the same execution here is refused.
/// </summary>
public sealed class OwnProcessRunTests
{
    [Fact]
    public async Task RunStartedThroughTheEngine_IsNotLeftRunning_WhileItRuns()
    {
        await using var df = TestEngine.Create();
        var (run, id) = await StartWaitingRunAsync(df);

        var stored = (await df.Store.Executions.GetAsync(id, default))!.Value;

        Assert.False(BackgroundExecutions.WasLeftRunning(stored));
        await Task.Run(() => df.Engine.Executions.CancelAsync(id));
        await run.WaitAsync(TimeSpan.FromSeconds(30));
    }

    [Fact]
    public async Task SecondRunOfAnExecution_IsRefused_WhileThisProcessRunsIt()
    {
        await using var df = TestEngine.Create();
        var (run, id) = await StartWaitingRunAsync(df);

        var refused = await Assert.ThrowsAsync<DeepForgeException>(() => df.Engine.Executions.ResumeAsync(id));

        Assert.Contains("is running in this process already", refused.Message);
        await Task.Run(() => df.Engine.Executions.CancelAsync(id));
        Assert.Equal(ExecutionStatus.Cancelled, (await run.WaitAsync(TimeSpan.FromSeconds(30))).Status);
    }

    private static async Task<(Task<ExecutionRecord> Run, string Id)> StartWaitingRunAsync(TestEngine df)
    {
        var started = df.PathOf("started.txt");
        await df.Engine.Projects.SaveAsync(Create(Pipeline()
            .Op("numbers", "Numbers")
            .Op("wait", "Wait", ("started", started))
            .Wire("numbers.values", "wait.values")));
        var observer = new ExecutionIdObserver();
        var run = Task.Run(() => df.Engine.Executions.RunAsync("test", "main", observer: observer));
        var id = await observer.Id.WaitAsync(TimeSpan.FromSeconds(30));
        await Eventually.TrueAsync(() => File.Exists(started), "the Wait operation to start");
        return (run, id);
    }
}
