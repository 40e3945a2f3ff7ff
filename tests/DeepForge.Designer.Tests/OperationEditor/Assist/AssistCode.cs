using DeepForge.Designer.OperationEditor.Assist;
using DeepForge.Models;

namespace DeepForge.Designer.Tests.OperationEditor.Assist;

/// <summary>
/// Code for the assistant's tests: an operation whose Execute body is given, with a marker <c>$$</c> where the cursor is,
/// beside the project's other files.
/// </summary>
internal static class AssistCode
{
    public const string Path = "operations/Ticker.cs";

    public const string Project = "assist";

    public static (string Text, int Offset) Operation(string body, string usings = "")
    {
        var text = $$"""
            {{usings}}
            /// <summary>Counts to ten.</summary>
            public sealed class Ticker(int count = 10) : Operation
            {
                [return: Output("total")]
                public int Execute(OperationContext context)
                {
                    {{body}}
                    return count;
                }
            }
            """;
        var offset = text.IndexOf("$$", StringComparison.Ordinal);
        return (text.Replace("$$", "", StringComparison.Ordinal), offset);
    }

    public static IReadOnlyList<CompletionEntry> Complete(CodeAssistant assistant, string body, IReadOnlyList<SourceFile>? others = null, string usings = "")
    {
        var (text, offset) = Operation(body, usings);
        return assistant.Complete(Project, others ?? [], Path, text, offset);
    }
}
