using DeepForge.Feedback;
using DeepForge.Models;

namespace DeepForge.Runtime;

/// <summary>Watches an execution as it runs in this process: node transitions, log text and feedback.</summary>
public interface IExecutionObserver
{
    /// <summary>A node changed state (already stored).</summary>
    void NodeChanged(NodeRecord node) { }

    /// <summary>A node's job wrote log text.</summary>
    void Log(string nodeId, string text) { }

    /// <summary>A node's job reported feedback.</summary>
    void Feedback(string nodeId, FeedbackEvent feedbackEvent) { }
}
