using DeepForge.Feedback;
using DeepForge.Operations;

namespace DeepForge.Torch.Tests.Images;

/// <summary>An operation context whose job folder is a given folder, as a job's is, so tests see what an operation writes there.</summary>
internal static class JobContext
{
    private sealed class NullSink : IFeedbackSink
    {
        public void Log(string text) { }

        public void Feedback(FeedbackEvent feedbackEvent) { }
    }

    public static OperationContext In(string workingDirectory, TextWriter? log = null) =>
        new(new NullSink(), log ?? TextWriter.Null, "cpu", workingDirectory, CancellationToken.None);
}
