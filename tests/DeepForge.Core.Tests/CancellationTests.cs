using DeepForge.Models;
using DeepForge.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using static DeepForge.Core.Tests.TestProjects;

namespace DeepForge.Core.Tests;

public sealed class CancellationTests
{
    [Fact]
    public async Task Cancel_StopsRunningOperation_AndMarksExecutionCancelled()
    {
        await using var df = TestEngine.Create();
        var started = df.PathOf("started.txt");
        var pipeline = Pipeline()
            .Op("numbers", "Numbers")
            .Op("wait", "Wait", ("started", started))
            .Output("out", "waited")
            .Wire("numbers.values", "wait.values")
            .Wire("wait.values", "out.data");
        await df.Engine.Projects.SaveAsync(Create(pipeline));
        var observer = new ExecutionIdObserver();

        var run = Task.Run(() => df.Engine.Executions.RunAsync("test", "main", observer: observer));
        var id = await observer.Id.WaitAsync(TimeSpan.FromSeconds(30));
        await Eventually.TrueAsync(() => File.Exists(started), "the Wait operation to start");
        await Task.Run(() => df.Engine.Executions.CancelAsync(id));
        var execution = await run.WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal(ExecutionStatus.Cancelled, execution.Status);
        Assert.Equal(ExecutionStatus.Cancelled, (await df.Engine.Executions.GetAsync(id)).Status);
        Assert.Equal(NodeStatus.Succeeded, (await df.NodeAsync(id, "numbers")).Status);
        Assert.Equal(NodeStatus.Cancelled, (await df.NodeAsync(id, "wait")).Status);
        Assert.Equal(NodeStatus.Cancelled, (await df.NodeAsync(id, "out")).Status);
        Assert.Null(await df.Engine.Artifacts.FindAsync("test", "waited"));
    }

    [Fact]
    public async Task Cancel_FromAnotherEngineOnTheSameStore_StopsTheRun()
    {
        // Another service provider on the same file, as `deepforge cancel` in another process: the run hears of it through the store's feed.
        await using var df = TestEngine.Create();
        var (run, id) = await StartWaitingRunAsync(df, observer: new ExecutionIdObserver());
        await using (var other = df.Reopen()) await Task.Run(() => other.Engine.Executions.CancelAsync(id));

        var execution = await run.WaitAsync(TimeSpan.FromSeconds(60));

        Assert.Equal(ExecutionStatus.Cancelled, execution.Status);
    }

    [Fact]
    public async Task RunningExecution_IsNotReadAgain_WhileNothingChangesIt()
    {
        CountingStore? counting = null;
        await using var df = TestEngine.Create(d => Count(d, store => counting = store));
        var (run, id) = await StartWaitingRunAsync(df, new ExecutionIdObserver());

        var before = counting!.Reads;
        await Task.Delay(TimeSpan.FromSeconds(2));
        var during = counting.Reads - before;
        await Task.Run(() => df.Engine.Executions.CancelAsync(id));
        await run.WaitAsync(TimeSpan.FromSeconds(60));

        // Polling read it every quarter second (8 times here); now a lease renewal and the fallback read at most.
        Assert.True(during <= 2, $"the running execution's record was read {during} times in 2 s while nothing changed it");
    }

    [Fact]
    public async Task Cancel_StopsTheRun_WhenTheStoresFeedCannotListen()
    {
        await using var df = TestEngine.Create(d => Count(d, _ => { }, feedFails: true));
        var (run, id) = await StartWaitingRunAsync(df, new ExecutionIdObserver());
        await Task.Run(() => df.Engine.Executions.CancelAsync(id));

        var execution = await run.WaitAsync(TimeSpan.FromSeconds(60));

        Assert.Equal(ExecutionStatus.Cancelled, execution.Status);
    }

    // The engine's SQLite store, wrapped to count reads of executions.
    private static void Count(Hosting.DeepForgeBuilder d, Action<CountingStore> made, bool feedFails = false)
    {
        var sqlite = d.Services.Last(s => s.ServiceType == typeof(IDocumentStore)).ImplementationFactory!;
        d.Services.RemoveAll<IDocumentStore>();
        d.Services.AddSingleton<IDocumentStore>(sp =>
        {
            var store = new CountingStore((IDocumentStore)sqlite(sp), Collections.Executions, feedFails);
            made(store);
            return store;
        });
    }

    private static async Task<(Task<ExecutionRecord> Run, string Id)> StartWaitingRunAsync(TestEngine df, ExecutionIdObserver observer)
    {
        var started = df.PathOf("started.txt");
        var pipeline = Pipeline().Op("numbers", "Numbers").Op("wait", "Wait", ("started", started)).Output("out", "waited")
            .Wire("numbers.values", "wait.values").Wire("wait.values", "out.data");
        await df.Engine.Projects.SaveAsync(Create(pipeline));
        var run = Task.Run(() => df.Engine.Executions.RunAsync("test", "main", observer: observer));
        var id = await observer.Id.WaitAsync(TimeSpan.FromSeconds(30));
        await Eventually.TrueAsync(() => File.Exists(started), "the Wait operation to start");
        return (run, id);
    }
}
