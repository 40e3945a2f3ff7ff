using DeepForge.Operations;

namespace DeepForge.Catalog;

/// <summary>The operation <see cref="ReaderWarmUp"/> reads: one attribute with a default, an input and an output, as most operations have.</summary>
[Operation(Category = "Warm-up", Description = "Read, never run: it warms up reading operations")]
internal sealed class WarmUpOperation(int count = 1) : Operation
{
    public int Count { get; } = count;

    [return: Output("value")]
    public int Execute(int value = 0) => value + Count;
}
