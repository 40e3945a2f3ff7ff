using DeepForge.Models;

namespace DeepForge.Designer.PipelineEditor;

/// <summary>Whether Execute can start this pipeline, and if not, the one line that says why.</summary>
public sealed partial class PipelineEditorPage
{
    /// <summary>True while the pipeline has no operation: input and output nodes alone run nothing.</summary>
    private bool NothingToRun => _pipeline != null && _pipeline.Nodes.All(n => n.Kind != NodeKind.Operation);

    /// <summary>
    /// Null when Execute would start; else why not. Said beside the disabled button rather than in an alert
    /// after a click, so a user sees what to fix before trying.
    /// </summary>
    private string? WhyNotExecutable =>
        NothingToRun ? "Nothing to run yet: add an operation first."
        : _problems.Count == 1 ? "Fix the problem listed at the top left before running."
        : _problems.Count > 1 ? $"Fix the {_problems.Count} problems listed at the top left before running."
        : null;
}
