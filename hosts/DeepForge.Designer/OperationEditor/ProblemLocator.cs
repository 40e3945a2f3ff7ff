using System.Text.RegularExpressions;
using DeepForge.Catalog;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;

namespace DeepForge.Designer.OperationEditor;

/// <summary>
/// Turns the problems Roslyn reports for a project (<c>path(line,col): error CS0103: ...</c>) into marks on the
/// edited file: the token they start at gives their extent, and the input, output, attribute or reference whose
/// declaration contains them is the part of the diagram they concern (DF0001, an unused input, marks that input).
/// </summary>
internal static partial class ProblemLocator
{
    public static IReadOnlyList<CodeProblem> Locate(string path, string text, IEnumerable<Problem> problems, IReadOnlyList<SourceMember> members)
    {
        var tree = CSharpSyntaxTree.ParseText(text, new CSharpParseOptions(LanguageVersion.Latest));
        var lines = tree.GetText().Lines;
        var spans = members.Where(m => m.Path == path && m.Line > 0 && m.Line <= lines.Count)
            .Select(m => (Member: m, Span: DeclarationSpan(tree, Position(lines, m.Line, m.Column)))).ToList();
        var located = new List<CodeProblem>();
        foreach (var problem in problems)
        {
            var match = Shape().Match(problem.Message);
            if (!match.Success || match.Groups["path"].Value != path) continue;
            var (line, column) = (int.Parse(match.Groups["line"].Value), int.Parse(match.Groups["col"].Value));
            if (line > lines.Count) continue;
            var position = Position(lines, line, column);
            var end = lines.GetLinePosition(EndOf(tree, position));
            var member = spans.FirstOrDefault(s => s.Span.Contains(position)).Member;
            located.Add(new CodeProblem(line, column, end.Line + 1, end.Character + 1, match.Groups["severity"].Value == "error",
                match.Groups["code"].Value, match.Groups["message"].Value, member?.Kind, member?.Name));
        }
        return located;
    }

    private static int Position(TextLineCollection lines, int line, int column)
    {
        var at = lines[line - 1];
        return Math.Min(at.Start + Math.Max(0, column - 1), at.End);
    }

    /// <summary>The end of the token the problem starts at, at least one character on and never past its line.</summary>
    private static int EndOf(SyntaxTree tree, int position)
    {
        var token = tree.GetRoot().FindToken(position);
        var line = tree.GetText().Lines.GetLineFromPosition(position);
        var end = token.Span.Contains(position) ? token.Span.End : position + 1;
        return Math.Min(Math.Max(end, position + 1), Math.Max(line.End, position));
    }

    /// <summary>The whole declaration of an interface member: the parameter, tuple element, attribute argument or return type.</summary>
    private static TextSpan DeclarationSpan(SyntaxTree tree, int position)
    {
        var node = tree.GetRoot().FindToken(position).Parent;
        var declaration = node?.AncestorsAndSelf().FirstOrDefault(n => n is ParameterSyntax or TupleElementSyntax or AttributeArgumentSyntax)
            ?? node?.AncestorsAndSelf().OfType<TypeSyntax>().LastOrDefault(t => t.Parent is MethodDeclarationSyntax);
        return declaration?.Span ?? new TextSpan(position, 1);
    }

    [GeneratedRegex(@"^(?<path>.*)\((?<line>\d+),(?<col>\d+)\): (?<severity>error|warning) (?<code>\w+): (?<message>.*)$", RegexOptions.Singleline)]
    private static partial Regex Shape();
}
