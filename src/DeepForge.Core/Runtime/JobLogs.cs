namespace DeepForge.Runtime;

/// <summary>The words a node's log carries between attempts, written the same by every runner (in process, or a queue's).</summary>
public static class JobLogs
{
    /// <summary>The line that starts the log of another attempt at a job.</summary>
    public static string AttemptSeparator(int attempt) => $"\n--- attempt {attempt} ---\n";
}
