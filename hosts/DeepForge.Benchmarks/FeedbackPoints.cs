using DeepForge.Operations;

namespace DeepForge.Benchmarks;

/// <summary>
/// The operation of <c>bench feedback</c>: after a pause (for the page to open), adds one point to the graph
/// "feedback" every interval, each point's value the moment it was added (Unix milliseconds), so the page's drawing
/// time less that value is the point's way from operation to page.
/// </summary>
[Operation(Category = "Benchmark", Description = "Graph points stamped with the moment they were added")]
public sealed class FeedbackPoints(int points = 50, int intervalMs = 200, int pauseMs = 4000) : Operation
{
    /// <summary>How many points.</summary>
    public int Points { get; } = points;

    /// <summary>Milliseconds between two points.</summary>
    public int IntervalMs { get; } = intervalMs;

    /// <summary>Milliseconds before the first point.</summary>
    public int PauseMs { get; } = pauseMs;

    [return: Output("value")]
    public async Task<int> Execute(OperationContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var line = context.Graph(FeedbackBenchmark.GraphTitle).Line("sent");
        await Task.Delay(PauseMs, context.CancellationToken);
        for (var i = 1; i <= Points; i++)
        {
            line.Add(i, DateTimeOffset.UtcNow.ToUnixTimeMilliseconds());
            await Task.Delay(IntervalMs, context.CancellationToken);
        }

        return Points;
    }
}
