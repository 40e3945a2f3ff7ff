namespace DeepForge.Feedback;

/// <summary>Receives what a running job reports: log text and feedback events.</summary>
public interface IFeedbackSink
{
    /// <summary>A chunk of log output.</summary>
    void Log(string text);

    /// <summary>A feedback change.</summary>
    void Feedback(FeedbackEvent feedbackEvent);
}
