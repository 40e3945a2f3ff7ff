using System.Text.RegularExpressions;

namespace DeepForge.Designer.Failures;

/// <summary>
/// A line of a job's log as the failure view shows it: a frame in the project's code (<c>at Ticker.Tick(...) in
/// operations/Ticker.cs:14</c>) knows its type and line, so the page can link it to that line in the operation editor.
/// </summary>
internal sealed partial record FailureLine(string Text, string? Type, int Line, string? Location)
{
    public static FailureLine Of(string text)
    {
        var match = ProjectFrame().Match(text);
        if (!match.Success) return new FailureLine(text, null, 0, null);
        var type = match.Groups["type"].Value;
        return new FailureLine(text[..match.Groups["location"].Index], type[(type.LastIndexOf('.') + 1)..], int.Parse(match.Groups["line"].Value, System.Globalization.CultureInfo.InvariantCulture),
            match.Groups["location"].Value);
    }

    // "   at Namespace.Type.Method(args) in file:line": the type is what comes before the method's name.
    [GeneratedRegex(@"^\s+at (?<type>[\w.`+<>]+)\.[^.(]+\(.*\) in (?<location>.+:(?<line>\d+))$")]
    private static partial Regex ProjectFrame();
}
