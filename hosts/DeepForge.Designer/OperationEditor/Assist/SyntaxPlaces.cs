using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace DeepForge.Designer.OperationEditor.Assist;

/// <summary>Places in the code where nothing is offered: comments and the inside of string and character literals.</summary>
internal static class SyntaxPlaces
{
    public static bool InCommentOrString(SyntaxNode root, SyntaxToken left, int position)
    {
        var trivia = root.FindTrivia(position - 1 < 0 ? 0 : position - 1, findInsideTrivia: true);
        if (trivia.Span.Contains(position - 1) && IsComment(trivia.Kind())) return true;
        // A line comment runs to the end of its line: the cursor just past its last character is still in it.
        if (trivia.IsKind(SyntaxKind.SingleLineCommentTrivia) && trivia.Span.End == position) return true;
        if (!IsLiteral(left.Kind())) return false;
        return position > left.SpanStart && (position < left.Span.End || !IsClosed(left));
    }

    private static bool IsComment(SyntaxKind kind) => kind is SyntaxKind.SingleLineCommentTrivia or SyntaxKind.MultiLineCommentTrivia
        or SyntaxKind.SingleLineDocumentationCommentTrivia or SyntaxKind.MultiLineDocumentationCommentTrivia;

    private static bool IsLiteral(SyntaxKind kind) => kind is SyntaxKind.StringLiteralToken or SyntaxKind.CharacterLiteralToken
        or SyntaxKind.InterpolatedStringTextToken or SyntaxKind.SingleLineRawStringLiteralToken or SyntaxKind.MultiLineRawStringLiteralToken
        or SyntaxKind.Utf8StringLiteralToken;

    // An unterminated literal ("abc at the end of a line) is still open where it ends.
    private static bool IsClosed(SyntaxToken literal) =>
        literal.Text.Length >= 2 && literal.Text[^1] is '"' or '\'' && !literal.ContainsDiagnostics;
}
