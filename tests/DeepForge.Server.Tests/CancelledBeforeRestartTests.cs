using DeepForge.Models;
using DeepForge.Server.Tests.Infrastructure;
using DeepForge.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace DeepForge.Server.Tests;

/// <summary>A server resumes executions a crash interrupted, never one a person was cancelling when its process went.</summary>
public sealed class CancelledBeforeRestartTests
{
    [Fact]
    public async Task A_started_server_marks_cancelled_instead_of_resuming_an_execution_whose_cancel_was_asked_before_its_process_went()
    {
        using var data = new TestData();
        string executionId;
        await using (var first = await ServerHost.StartAsync(data.Directory))
        {
            await first.Api.SaveProjectAsync(TestProjects.Create());
            executionId = (await first.Api.StartAsync("demo", "chain")).Execution.Id;
        }
        // What a `run` whose process ended right after Ctrl-C asked to cancel leaves: Running, the cancel asked, the owner gone.
        await using (var quiet = await ServerHost.StartAsync(data.Directory, o => o.ResumeExecutionsOnStart = false))
        {
            var store = quiet.Services.GetRequiredService<DeepForgeStore>();
            var dead = new ExecutionOwner(Environment.MachineName, int.MaxValue, DateTimeOffset.UtcNow.AddHours(-1));
            await store.Executions.UpdateAsync(executionId, "demo", e =>
            {
                (e.Status, e.Owner, e.FinishedAt, e.CancelRequested) = (ExecutionStatus.Running, dead, null, true);
                return e;
            }, default);
        }

        await using var second = await ServerHost.StartAsync(data.Directory);

        var ended = await second.Api.WaitForAsync(executionId, ExecutionStatus.Cancelled);
        Assert.Equal(ExecutionStatus.Cancelled, ended.Execution.Status);
        Assert.DoesNotContain(ended.Nodes, n => n.Status == NodeStatus.Running);
    }
}
