using System.CommandLine;
using System.CommandLine.Invocation;
using System.CommandLine.Parsing;
using System.Text.RegularExpressions;

namespace DeepForge.Cli.Hosting;

/// <summary>
/// Words on the command line the parser refused (an unknown option, a missing argument, <c>--port abc</c>, <c>--port 70000</c>):
/// one line each, naming the command's help, exit code 2. The parser speaks of .NET types; people read "a whole number".
/// </summary>
internal static partial class ParseErrors
{
    private static readonly Dictionary<string, string> TypeWords = new(StringComparer.Ordinal)
    {
        ["System.Int32"] = "a whole number", ["System.Int64"] = "a whole number", ["System.Double"] = "a number",
        ["System.Boolean"] = "true or false", ["System.String"] = "text",
    };

    /// <summary>Prints the parse errors and returns 2, or returns null when there are none to report (also for --help and --version).</summary>
    public static int? Report(ParseResult parse)
    {
        if (parse.Errors.Count == 0 || parse.Action is not ParseErrorAction) return null;
        var help = $"{CommandPath(parse.CommandResult)} --help";
        foreach (var error in parse.Errors)
            Console.Error.WriteLine($"error: {Plain(error.Message).TrimEnd('.')} (see {help})");
        return CliAction.BadInput;
    }

    private static string CommandPath(CommandResult command)
    {
        var names = new List<string>();
        for (SymbolResult? result = command; result != null; result = result.Parent)
            if (result is CommandResult { Command: not RootCommand } c) names.Insert(0, c.Command.Name);
        return string.Join(' ', names.Prepend("deepforge"));
    }

    private static string Plain(string message) =>
        TypeName().Replace(message, m => TypeWords.TryGetValue(m.Groups[1].Value, out var words) ? $"as {words}" : m.Value);

    [GeneratedRegex(@"as expected type '([\w.]+)'")]
    private static partial Regex TypeName();
}
