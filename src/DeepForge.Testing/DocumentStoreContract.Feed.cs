using DeepForge.Storage;
using Xunit;

namespace DeepForge.Testing;

// The change feed: every store must tell its own writes to a subscriber, naming what they changed.
public abstract partial class DocumentStoreContract
{
    [StoreFact]
    public async Task Feed_TellsProject_WhenAProjectIsWritten()
    {
        using var heard = await ListenAsync();

        await Store.PutAsync(Collections.Projects, "mnist", null, "{}", expectedVersion: 0);

        await heard.WaitForAsync(new StoreChange(ChangeKind.Project, "mnist", "mnist", Collections.Projects));
    }

    [StoreFact]
    public async Task Feed_TellsExecutionWithItsProject_WhenAnExecutionIsWritten()
    {
        using var heard = await ListenAsync();

        await Store.PutAsync(Collections.Executions, "e1", "mnist", "{}", expectedVersion: null);

        await heard.WaitForAsync(new StoreChange(ChangeKind.Execution, "e1", "mnist", Collections.Executions));
    }

    [StoreFact]
    public async Task Feed_TellsTheExecution_WhenFeedbackIsAppended()
    {
        using var heard = await ListenAsync();
        var stream = Collections.FeedbackStream("e7", "train");

        await Store.AppendAsync(stream, ["""{"point":1}"""]);

        await heard.WaitForAsync(new StoreChange(ChangeKind.Execution, "e7", null, stream));
    }

    [StoreFact]
    public async Task Feed_TellsEveryWrite_WhenPutManyCommits()
    {
        using var heard = await ListenAsync();

        await Store.PutManyAsync([
            new DocumentWrite(Collections.Jobs, "j1", "queued", "{}", null),
            new DocumentWrite(Collections.Nodes, "e2/train", "e2", "{}", null),
        ]);

        await heard.WaitForAsync(new StoreChange(ChangeKind.Job, "j1", null, Collections.Jobs));
        await heard.WaitForAsync(new StoreChange(ChangeKind.Execution, "e2", null, Collections.Nodes));
    }

    [StoreFact]
    public async Task Feed_TellsProject_WhenAProjectIsDeleted()
    {
        await Store.PutAsync(Collections.Projects, "old", null, "{}", expectedVersion: 0);
        using var heard = await ListenAsync();

        await Store.DeleteAsync(Collections.Projects, "old");

        await heard.WaitForAsync(new StoreChange(ChangeKind.Project, "old", "old", Collections.Projects));
    }

    [StoreFact]
    public async Task Feed_TellsNothingOfAWrite_WhenItsConditionFailed()
    {
        await Store.PutAsync(Collections.Projects, "taken", null, "{}", expectedVersion: 0);
        using var heard = await ListenAsync();

        await Store.PutAsync(Collections.Projects, "taken", null, """{"again":true}""", expectedVersion: 0);
        // A write that did happen after it: once its change is heard, the refused one would have been heard before it.
        await Store.PutAsync(Collections.Projects, "marker", null, "{}", expectedVersion: 0);

        await heard.WaitForAsync(new StoreChange(ChangeKind.Project, "marker", "marker", Collections.Projects));
        Assert.DoesNotContain(heard.All, c => c.Id == "taken");
    }

    [StoreFact]
    public async Task Feed_StopsTelling_WhenTheSubscriptionIsDisposed()
    {
        var gone = await ListenAsync();
        gone.Dispose();
        using var staying = await ListenAsync();

        await Store.PutAsync(Collections.Projects, "after", null, "{}", expectedVersion: 0);

        await staying.WaitForAsync(new StoreChange(ChangeKind.Project, "after", "after", Collections.Projects));
        Assert.Empty(gone.All);
    }

    private Task<ChangeRecorder> ListenAsync() =>
        ChangeRecorder.StartAsync(Store as IChangeFeed ?? throw new Xunit.Sdk.XunitException($"{Store.GetType().Name} offers no IChangeFeed"));
}
