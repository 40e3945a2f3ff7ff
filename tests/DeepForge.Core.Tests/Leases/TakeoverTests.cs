using DeepForge.Models;
using DeepForge.Runtime;
using static DeepForge.Core.Tests.Leases.LeasedExecutions;

namespace DeepForge.Core.Tests.Leases;

public sealed class TakeoverTests
{
    [Fact]
    public async Task Takeover_IsWonByOneServer_WhenTwoClaimAnExpiredLeaseAtOnce()
    {
        await using var df = TestEngine.Create();
        var execution = await CreateAsync(df);
        for (var round = 1; round <= 10; round++)
        {
            await HoldAsync(df, execution.Id, "dead-server", DateTimeOffset.UtcNow.AddSeconds(-1), epoch: round * 10);

            var claims = await Task.WhenAll(Claim(df, execution.Id, "server-a"), Claim(df, execution.Id, "server-b"));

            var winners = claims.Where(c => c.Fence != null).ToList();
            Assert.Single(winners);
            var loser = Assert.Single(claims, c => c.Fence == null);
            Assert.Contains($"execution '{execution.Id}' is running by {winners[0].Holder}", loser.Refusal);
            var stored = (await df.Store.Executions.GetAsync(execution.Id, default))!.Value.Lease!;
            Assert.Equal((winners[0].Holder, round * 10L + 1), (stored.Holder, stored.Epoch));
            winners[0].Fence!.Dispose();
        }
    }

    [Fact]
    public async Task Resume_IsRefused_WhileAnotherServersLeaseRuns()
    {
        await using var df = TestEngine.Create();
        var execution = await CreateAsync(df);
        await HoldAsync(df, execution.Id, "other-server", DateTimeOffset.UtcNow.AddHours(1));

        var refused = await Assert.ThrowsAsync<DeepForgeException>(() => df.Engine.Executions.ResumeAsync(execution.Id));

        Assert.Contains("is running by other-server", refused.Message);
        Assert.Equal(ExecutionStatus.Running, (await df.Engine.Executions.GetAsync(execution.Id)).Status);
    }

    [Fact]
    public async Task Execution_ShowsInterrupted_WhenTheLeaseOfAServerElsewhereRanOut()
    {
        await using var df = TestEngine.Create();
        var execution = await CreateAsync(df);
        await HoldAsync(df, execution.Id, "dead-server", DateTimeOffset.UtcNow.AddSeconds(-1));

        Assert.Equal(ExecutionStatus.Interrupted, (await df.Engine.Executions.GetAsync(execution.Id)).Status);
    }

    [Fact]
    public async Task Resume_FinishesTheRun_WhenTheLeaseOfAServerElsewhereRanOut()
    {
        await using var df = TestEngine.Create();
        var execution = await CreateAsync(df);
        await HoldAsync(df, execution.Id, "dead-server", DateTimeOffset.UtcNow.AddSeconds(-1), epoch: 7);

        var resumed = await df.Engine.Executions.ResumeAsync(execution.Id);

        Assert.Equal(ExecutionStatus.Succeeded, resumed.Status);
        Assert.Equal(8, resumed.Lease!.Epoch);
        Assert.Equal(ExecutionOwnership.ThisProcess, resumed.Lease.Holder);
    }

    private static async Task<(string Holder, ExecutionFence? Fence, string Refusal)> Claim(TestEngine df, string executionId, string holder)
    {
        await Task.Yield();
        try { return (holder, await ExecutionClaim.ClaimAsync(df.Store, executionId, Server(holder), default), ""); }
        catch (DeepForgeException e) { return (holder, null, e.Message); }
    }
}
