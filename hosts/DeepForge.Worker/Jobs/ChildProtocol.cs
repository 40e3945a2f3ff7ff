using DeepForge.Data;
using DeepForge.Feedback;
using DeepForge.Models;
using DeepForge.Runtime;

namespace DeepForge.Worker.Jobs;

/// <summary>What the worker writes into a job folder for the child process: the job, and the cache it reads and writes blobs in.</summary>
internal sealed record ChildJobFile(JobSpec Spec, string CacheDirectory);


/// <summary>
/// One line of the child's stdout: a piece of log text or a feedback event; or, from a warm process, that it is ready
/// (its runtime, services and plugins are loaded and it waits for its job on stdin).
/// </summary>
internal sealed record ChildMessage(string? Log = null, FeedbackEvent? Feedback = null, bool? Ready = null);

/// <summary>
/// The files and stdout lines between the worker and a job's child process. Each message line starts
/// with <see cref="Marker"/>; anything else on stdout or stderr (native code printing, a runtime
/// crash report) is log text of the job.
/// </summary>
internal static class ChildProtocol
{
    public const char Marker = '\u001e';
    public const string JobFileName = "job.json";
    public const string ResultFileName = "result.json";

    /// <summary>
    /// Given instead of a job folder, the child starts warm: it loads everything a job needs, says <see cref="ChildMessage.Ready"/>
    /// on stdout, and then reads its job folder as one line on stdin (the worker's "here is your job"), runs that one job and exits.
    /// </summary>
    public const string AwaitJobArgument = "-";

    /// <summary>Set by the worker in the child's environment: the child ends its process group when its stdin closes (the worker went away).</summary>
    public const string WatchParentVariable = "DEEPFORGE_JOB_WATCH_PARENT";

    /// <summary>
    /// Set by the worker in a warm process's environment: the cache its job will read and write (the job file names it again). The
    /// warm-up makes the catalog of the plugins over it before the job arrives, so a job of a plugin's operation finds it made.
    /// </summary>
    public const string CacheVariable = "DEEPFORGE_JOB_CACHE";

    public static void WriteJob(string jobDirectory, ChildJobFile job) => WriteAtomically(Path.Combine(jobDirectory, JobFileName), Json.Serialize(job));

    public static ChildJobFile ReadJob(string jobDirectory)
    {
        var path = Path.Combine(jobDirectory, JobFileName);
        if (!File.Exists(path)) throw new DeepForgeException(path, $"{path} does not exist: '{jobDirectory}' is not a job folder a worker prepared");
        try
        {
            var text = File.ReadAllText(path);
            return ChildJson.TryReadJob(text) ?? Json.Deserialize<ChildJobFile>(text);
        }
        catch (System.Text.Json.JsonException e) { throw new DeepForgeException(path, $"{path} is not a job file: {e.Message}"); }
    }

    public static void WriteResult(string jobDirectory, JobOutcome result) => WriteAtomically(Path.Combine(jobDirectory, ResultFileName), ChildJson.Result(result));

    /// <summary>The child's result, or null when it wrote none (it died first).</summary>
    public static JobOutcome? ReadResult(string jobDirectory)
    {
        var path = Path.Combine(jobDirectory, ResultFileName);
        if (!File.Exists(path)) return null;
        try { return Json.Deserialize<JobOutcome>(File.ReadAllText(path)); }
        catch (System.Text.Json.JsonException) { return null; }
    }

    public static string Format(ChildMessage message) => Marker + ChildJson.Message(message);

    /// <summary>Splits a stdout line into the raw text before a marker (if any) and the message after it.</summary>
    public static (string? Text, ChildMessage? Message) Parse(string line)
    {
        var at = line.IndexOf(Marker);
        if (at < 0) return (line, null);
        var text = at > 0 ? line[..at] : null;
        try { return (text, Json.Deserialize<ChildMessage>(line[(at + 1)..])); }
        catch (System.Text.Json.JsonException) { return (line.Replace(Marker.ToString(), ""), null); } // a line broken by other output: keep it as text
        catch (InvalidDataException) { return (text, null); }
    }

    // Written whole or not at all, so a reader never takes half a file for the job or its result.
    private static void WriteAtomically(string path, string text)
    {
        var temp = path + ".tmp";
        File.WriteAllText(temp, text);
        File.Move(temp, path, overwrite: true);
    }
}
