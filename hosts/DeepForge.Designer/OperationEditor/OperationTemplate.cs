using Microsoft.CodeAnalysis.CSharp;

namespace DeepForge.Designer.OperationEditor;

/// <summary>The code a new operation starts from: one input, one output, and a line to show where the work goes.</summary>
internal static class OperationTemplate
{
    /// <summary>Where a new operation's source is stored in the project.</summary>
    public static string PathOf(string name) => $"operations/{name}.cs";

    /// <summary>The source of operation <paramref name="name"/> (a checked C# identifier) in <paramref name="category"/>.</summary>
    public static string Source(string name, string category) => $$"""
        /// <summary>What {{name}} does.</summary>
        [Operation(Category = {{SymbolDisplay.FormatLiteral(category, quote: true)}})]
        public sealed class {{name}} : Operation
        {
            [return: Output("result")]
            public string Execute(string input, OperationContext context)
            {
                Console.WriteLine($"{{name}} received '{input}'");
                return input;
            }
        }

        """;
}
