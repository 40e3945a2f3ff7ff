using DeepForge.Models;
using DeepForge.Runtime;
using static DeepForge.Core.Tests.Leases.LeasedExecutions;

namespace DeepForge.Core.Tests.Leases;

public sealed class FencingTests
{
    [Fact]
    public async Task StaleOwnersNodeWrite_IsRefused_AfterAnotherServerTookTheExecutionOver()
    {
        await using var df = TestEngine.Create();
        var execution = await CreateAsync(df);
        // A lease of no length: as if server A had been paused past it.
        using var stale = (await ExecutionClaim.ClaimAsync(df.Store, execution.Id, Server("server-a", TimeSpan.Zero), default))!;
        using var owner = (await ExecutionClaim.ClaimAsync(df.Store, execution.Id, Server("server-b"), default))!;
        var node = (await df.Store.Nodes.ListAsync(execution.Id, default)).First();
        var before = node.Status;
        node.Status = NodeStatus.Succeeded;

        var refused = await Assert.ThrowsAsync<ExecutionLeaseLostException>(() =>
            stale.WriteAsync([df.Store.Nodes.Write(NodeRecord.Key(execution.Id, node.NodeId), execution.Id, node, null)], default));

        Assert.Contains("taken over by server-b", refused.Message);
        Assert.Equal(before, (await df.Store.Nodes.GetAsync(NodeRecord.Key(execution.Id, node.NodeId), default))!.Value.Status);
        Assert.True(stale.Lost.IsCancellationRequested);
    }

    [Fact]
    public async Task StaleOwnersStatusWrite_IsRefused_AfterAnotherServerTookTheExecutionOver()
    {
        await using var df = TestEngine.Create();
        var execution = await CreateAsync(df);
        using var stale = (await ExecutionClaim.ClaimAsync(df.Store, execution.Id, Server("server-a", TimeSpan.Zero), default))!;
        using var owner = (await ExecutionClaim.ClaimAsync(df.Store, execution.Id, Server("server-b"), default))!;

        await Assert.ThrowsAsync<ExecutionLeaseLostException>(() => stale.UpdateAsync(e => e.Status = ExecutionStatus.Failed, [], default));

        var stored = (await df.Store.Executions.GetAsync(execution.Id, default))!.Value;
        Assert.Equal((ExecutionStatus.Running, "server-b"), (stored.Status, stored.Lease!.Holder));
    }

    [Fact]
    public async Task OwnersWrite_GoesThrough_WhenAPersonAskedToCancelMeanwhile()
    {
        await using var df = TestEngine.Create();
        var execution = await CreateAsync(df);
        using var owner = (await ExecutionClaim.ClaimAsync(df.Store, execution.Id, Server("server-a"), default))!;
        await df.Engine.Executions.CancelAsync(execution.Id);

        var written = await owner.UpdateAsync(e => e.Error = "written by the owner", [], default);

        var stored = (await df.Store.Executions.GetAsync(execution.Id, default))!.Value;
        Assert.Equal(("written by the owner", true), (stored.Error, stored.CancelRequested));
        Assert.False(owner.IsLost);
    }

    [Fact]
    public async Task Renewal_IsRefused_AfterAnotherServerTookTheExecutionOver()
    {
        await using var df = TestEngine.Create();
        var execution = await CreateAsync(df);
        using var stale = (await ExecutionClaim.ClaimAsync(df.Store, execution.Id, Server("server-a", TimeSpan.Zero), default))!;
        using var owner = (await ExecutionClaim.ClaimAsync(df.Store, execution.Id, Server("server-b"), default))!;

        await Assert.ThrowsAsync<ExecutionLeaseLostException>(() => stale.RenewAsync(default));

        Assert.Equal("server-b", (await df.Store.Executions.GetAsync(execution.Id, default))!.Value.Lease!.Holder);
    }
}
