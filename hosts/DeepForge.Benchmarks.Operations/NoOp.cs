using DeepForge.Operations;

namespace DeepForge.Benchmarks;

/// <summary>The operation of <c>bench engine</c>: does nothing but pass a number on, so the figure is the engine's own cost.</summary>
[Operation(Category = "Benchmark", Description = "Adds one to its input")]
public sealed class NoOp(int id = 0) : Operation
{
    /// <summary>The node's number; it makes every node's cache key distinct, as real pipelines' are.</summary>
    public int Id { get; } = id;

    [return: Output("value")]
    public int Execute(int value = 0)
    {
        OperationStarts.Record(Id);
        return value + 1;
    }
}
