using DeepForge.Feedback;
using DeepForge.Operations;

namespace DeepForge.Core.Tests;

/// <summary><c>context.Progress</c> reports travel as feedback events, at most four a second, never losing the end of a round.</summary>
public sealed class ProgressTests
{
    [Fact]
    public void Progress_ReportedEveryStepAtOnce_KeepsTheFirstAndTheLastOfTheRound()
    {
        var sink = new RecordingSink();
        var context = OperationContext.Create(sink);

        for (var i = 1; i <= 1000; i++) context.Progress(i, 1000, $"loss {i}");

        var reports = sink.Events.Select(ProgressReport.From).ToList();
        Assert.True(reports.Count < 100, $"{reports.Count} of 1000 reports were kept");
        Assert.Equal(new ProgressReport(1, 1000, "loss 1"), reports[0]);
        Assert.Equal(new ProgressReport(1000, 1000, "loss 1000"), reports[^1]);
    }

    [Fact]
    public void Progress_WithNoTotal_IsIgnored()
    {
        var sink = new RecordingSink();

        OperationContext.Create(sink).Progress(3, 0);

        Assert.Empty(sink.Events);
    }

    private sealed class RecordingSink : IFeedbackSink
    {
        public List<FeedbackEvent> Events { get; } = [];

        public void Log(string text) { }

        public void Feedback(FeedbackEvent feedbackEvent) => Events.Add(feedbackEvent);
    }
}
