using System.Diagnostics;
using System.Text;
using System.Text.RegularExpressions;

namespace DeepForge.Failures;

/// <summary>
/// How an exception from an operation is written for people: its frames in the project's own code first, with the
/// project's file and line (<c>operations/Ticker.cs:14</c>), then, under <see cref="EngineFramesMarker"/>, the frames of
/// DeepForge, .NET and TorchSharp without their source paths (those are the build machine's, not the user's). A
/// <see cref="DeepForgeException"/> (a refusal such as a damaged image or a missing file) is its message and the
/// project's frames alone.
/// </summary>
public static partial class FailureText
{
    /// <summary>The line after which the DeepForge, .NET and native frames of a failure follow.</summary>
    public const string EngineFramesMarker = "   --- DeepForge frames ---";

    private static readonly string[] EnginePrefixes = ["DeepForge.", "System", "Microsoft.", "TorchSharp", "netstandard", "mscorlib"];
    private static readonly string[] ProjectPrefixes = ["DeepForge.Project.", "DeepForge.Designer.Project."];

    /// <summary>The exception, its project frames first and its engine frames under the marker; inner exceptions follow in turn.</summary>
    public static string Describe(Exception exception)
    {
        var text = new StringBuilder();
        Append(text, exception);
        return text.ToString();
    }

    /// <summary>
    /// The text with every engine-frames section (the marker and the frames under it) left out; <paramref name="note"/>,
    /// when given, stands in its place so readers know there is more.
    /// </summary>
    public static string WithoutEngineFrames(string text, string? note = null)
    {
        if (!text.Contains(EngineFramesMarker, StringComparison.Ordinal)) return text;
        var kept = new List<string>();
        var hiding = false;
        foreach (var line in text.Split('\n'))
        {
            if (line.TrimEnd('\r') == EngineFramesMarker)
            {
                hiding = true;
                if (note != null) kept.Add(note);
                continue;
            }
            if (hiding && line.StartsWith("   at ", StringComparison.Ordinal)) continue;
            hiding = false;
            kept.Add(line);
        }
        return string.Join('\n', kept);
    }

    private static void Append(StringBuilder text, Exception exception)
    {
        // A DeepForgeException is a refusal worded for people (bad input, a missing file): its message is the whole story,
        // so neither its type nor DeepForge's frames are shown; the project's frames stay, for code that threw one itself.
        var refusal = exception is DeepForgeException;
        if (!refusal) text.Append(exception.GetType().FullName).Append(": ");
        text.Append(exception.Message);
        var frames = new StackTrace(exception, fNeedFileInfo: true).GetFrames();
        var project = frames.Where(IsProjectFrame).Select(ProjectLine).OfType<string>().ToList();
        var engine = refusal ? [] : frames.Where(f => !IsProjectFrame(f)).Select(EngineLine).OfType<string>().ToList();
        foreach (var line in project) text.Append('\n').Append(line);
        if (engine.Count > 0) text.Append('\n').Append(EngineFramesMarker);
        foreach (var line in engine) text.Append('\n').Append(line);
        var inner = exception is AggregateException aggregate ? aggregate.InnerExceptions : exception.InnerException is { } one ? [one] : [];
        foreach (var cause in inner)
        {
            text.Append("\n ---> ");
            Append(text, cause);
        }
    }

    // Code that is not DeepForge's, .NET's or TorchSharp's is the user's: the project's own and an extension's.
    private static bool IsProjectFrame(StackFrame frame)
    {
        if (frame.GetMethod() is not { } method) return false;
        var name = (method.DeclaringType?.Assembly ?? method.Module.Assembly).GetName().Name ?? "";
        return ProjectPrefixes.Any(p => name.StartsWith(p, StringComparison.Ordinal)) || !EnginePrefixes.Any(p => name.StartsWith(p, StringComparison.Ordinal));
    }

    // The runtime's own wording of the frame (async methods by their names), with "file:line" as editors and terminals link it.
    private static string? ProjectLine(StackFrame frame)
    {
        var line = FrameText(frame);
        if (line == null) return null;
        var match = SourceSuffix().Match(line);
        if (!match.Success) return line;
        var file = match.Groups["file"].Value;
        // A rooted path is the build machine's (an extension's): its file name is what helps.
        if (Path.IsPathRooted(file)) file = Path.GetFileName(file);
        return $"{line[..match.Index]} in {file}:{match.Groups["line"].Value}";
    }

    private static string? EngineLine(StackFrame frame)
    {
        var line = FrameText(frame);
        return line == null ? null : SourceSuffix().Replace(line, "");
    }

    // Empty for frames the runtime hides ([StackTraceHidden]): they are left out as in Exception.ToString().
    private static string? FrameText(StackFrame frame)
    {
        var line = new StackTrace(frame).ToString().TrimEnd('\r', '\n');
        return line.Length == 0 ? null : line;
    }

    [GeneratedRegex(@" in (?<file>.+):line (?<line>\d+)$")]
    private static partial Regex SourceSuffix();
}
