using DeepForge.Models;
using DeepForge.Storage;
using static DeepForge.Core.Tests.TestProjects;

namespace DeepForge.Core.Tests;

/// <summary>context.Checkpoint and LastCheckpoint: an attempt after a failure continues from the last checkpoint; a succeeded node keeps none.</summary>
public sealed class CheckpointTests
{
    private static readonly SourceFile Counting = new("ops/Counting.cs", """
        namespace CheckpointOps;

        public sealed record Counted(int Done);

        /// <summary>Counts to upTo, checkpointing each step; its first attempt (no checkpoint) fails at failAt.</summary>
        [Operation(Category = "Test")]
        public sealed class CountWithCheckpoints(string tally, int upTo = 5, int failAt = 3) : Operation
        {
            [return: Output("counted")]
            public int Execute(OperationContext context)
            {
                var start = context.LastCheckpoint<Counted>()?.Done ?? 0;
                File.AppendAllText(tally, $"start {start}\n");
                for (var i = start + 1; i <= upTo; i++)
                {
                    if (i == failAt && start == 0) throw new InvalidOperationException($"crash at {i}");
                    context.Checkpoint(new Counted(i));
                }
                return upTo;
            }
        }
        """);

    [Fact]
    public async Task Run_RetryAfterAFailure_ContinuesFromTheLastCheckpoint()
    {
        await using var df = TestEngine.Create();
        var tally = df.PathOf("tally.txt");

        var execution = await df.RunAsync(Project(tally), "main");

        Assert.True(execution.Status == ExecutionStatus.Succeeded, (await df.NodeAsync(execution.Id, "count")).Error);
        Assert.Equal(["start 0", "start 2"], File.ReadAllLines(tally));
    }

    [Fact]
    public async Task LastCheckpoint_AskedAgainAfterANewOne_GivesTheNewOne()
    {
        await using var df = TestEngine.Create();
        var tally = df.PathOf("tally.txt");

        var execution = await df.RunAsync(Project(tally, "CheckpointTwice", Rereading), "main");

        Assert.True(execution.Status == ExecutionStatus.Succeeded, (await df.NodeAsync(execution.Id, "count")).Error);
        Assert.Equal(["0 10", "10 20"], File.ReadAllLines(tally));
    }

    [Fact]
    public async Task Run_OfANodeThatSucceeded_LeavesNoCheckpointToKeepItsBlob()
    {
        await using var df = TestEngine.Create();

        var execution = await df.RunAsync(Project(df.PathOf("tally.txt")), "main");

        Assert.True(execution.Status == ExecutionStatus.Succeeded, (await df.NodeAsync(execution.Id, "count")).Error);
        Assert.Empty(await df.Documents.ListAsync(Collections.Checkpoints, null, CancellationToken.None));
    }

    [Fact]
    public async Task Run_RetryAfterAFailure_ContinuesFromACheckpointItAwaited()
    {
        await using var df = TestEngine.Create();
        var tally = df.PathOf("tally.txt");

        var execution = await df.RunAsync(Project(tally, "CheckpointAwaited", Awaited), "main");

        Assert.True(execution.Status == ExecutionStatus.Succeeded, (await df.NodeAsync(execution.Id, "count")).Error);
        Assert.Equal(["start 0", "start 4"], File.ReadAllLines(tally));
    }

    [Fact]
    public async Task Checkpoint_OfAStateChangedAfterwards_KeepsTheStateAsItWasWhenTaken()
    {
        await using var df = TestEngine.Create();
        var tally = df.PathOf("tally.txt");

        var execution = await df.RunAsync(Project(tally, "CheckpointThenChange", Changing), "main");

        Assert.True(execution.Status == ExecutionStatus.Succeeded, (await df.NodeAsync(execution.Id, "count")).Error);
        Assert.Equal(["start 0", "start 1"], File.ReadAllLines(tally));
    }

    // Awaits each checkpoint, as an asynchronous operation does; its first attempt fails after the fourth.
    private static readonly SourceFile Awaited = new("ops/Awaited.cs", """
        namespace CheckpointOps;

        public sealed record Steps(int Done);

        [Operation(Category = "Test")]
        public sealed class CheckpointAwaited(string tally) : Operation
        {
            [return: Output("counted")]
            public async Task<int> ExecuteAsync(OperationContext context, CancellationToken cancellationToken)
            {
                var start = context.LastCheckpoint<Steps>()?.Done ?? 0;
                File.AppendAllText(tally, $"start {start}\n");
                for (var i = start + 1; i <= 6; i++)
                {
                    await context.CheckpointAsync(new Steps(i), cancellationToken);
                    if (i == 4 && start == 0) throw new InvalidOperationException($"crash after {i}");
                }
                return 6;
            }
        }
        """);

    // Changes the state it checkpointed as soon as Checkpoint returns, then fails on its first attempt.
    private static readonly SourceFile Changing = new("ops/Changing.cs", """
        namespace CheckpointOps;

        public sealed class Mutable { public int Done { get; set; } }

        [Operation(Category = "Test")]
        public sealed class CheckpointThenChange(string tally) : Operation
        {
            [return: Output("counted")]
            public int Execute(OperationContext context)
            {
                var start = context.LastCheckpoint<Mutable>()?.Done ?? 0;
                File.AppendAllText(tally, $"start {start}\n");
                if (start > 0) return start;
                var state = new Mutable { Done = 1 };
                context.Checkpoint(state);
                state.Done = 99;
                throw new InvalidOperationException("crash after the checkpoint");
            }
        }
        """);

    // The checkpoint is opened before the operation starts and each new one when stored: asked for again, it is the newest.
    private static readonly SourceFile Rereading = new("ops/Rereading.cs", """
        namespace CheckpointOps;

        public sealed record Tens(int Done);

        /// <summary>Stores its last checkpoint plus ten, reads the last one again, writes both; fails without an earlier one.</summary>
        [Operation(Category = "Test")]
        public sealed class CheckpointTwice(string tally) : Operation
        {
            [return: Output("counted")]
            public int Execute(OperationContext context)
            {
                var first = context.LastCheckpoint<Tens>()?.Done ?? 0;
                context.Checkpoint(new Tens(first + 10));
                var again = context.LastCheckpoint<Tens>()?.Done ?? 0;
                File.AppendAllText(tally, $"{first} {again}\n");
                if (first == 0) throw new InvalidOperationException("no checkpoint yet");
                return again;
            }
        }
        """);

    private static ProjectDefinition Project(string tally, string operation = "CountWithCheckpoints", SourceFile? source = null) => new()
    {
        Name = "test",
        Pipelines = [Pipeline().Op("count", operation, ("tally", tally)).With(n => n.Retries = 1).Build()],
        Sources = [TestOperations.File, source ?? Counting],
    };
}
