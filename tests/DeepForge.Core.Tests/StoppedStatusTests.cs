using DeepForge.Models;
using DeepForge.Runtime;
using static DeepForge.Core.Tests.TestProjects;

namespace DeepForge.Core.Tests;

/// <summary>A run whose process is gone shows as interrupted (resumable) after a crash, and as cancelled when a person had asked to stop it.</summary>
public sealed class StoppedStatusTests
{
    [Theory]
    [InlineData(false, ExecutionStatus.Interrupted)]
    [InlineData(true, ExecutionStatus.Cancelled)]
    public async Task Status_OfARunWhoseProcessIsGone_DependsOnWhetherACancelWasAsked(bool cancelAsked, ExecutionStatus shown)
    {
        await using var df = TestEngine.Create();
        var first = await df.RunAsync(Create(Chain()), "main", new RunOptions { UseCache = false });
        var dead = new ExecutionOwner(Environment.MachineName, int.MaxValue, DateTimeOffset.UtcNow.AddHours(-1));
        await df.Store.Executions.UpdateAsync(first.Id, "test", e =>
        {
            (e.Status, e.Owner, e.FinishedAt, e.CancelRequested) = (ExecutionStatus.Running, dead, null, cancelAsked);
            return e;
        }, default);

        Assert.Equal(shown, (await df.Engine.Executions.GetAsync(first.Id)).Status);
    }
}
