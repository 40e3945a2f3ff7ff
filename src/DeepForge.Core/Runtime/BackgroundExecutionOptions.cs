namespace DeepForge.Runtime;

/// <summary>Options of <see cref="BackgroundExecutions"/>.</summary>
public sealed class BackgroundExecutionOptions
{
    /// <summary>
    /// Whether starting resumes the executions a stopped process left running (default true). Off where another
    /// process may be running them, or where a test wants to see them left as they were.
    /// </summary>
    public bool ResumeOnStart { get; set; } = true;
}
