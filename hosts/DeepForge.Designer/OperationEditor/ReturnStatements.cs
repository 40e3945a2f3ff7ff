using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace DeepForge.Designer.OperationEditor;

/// <summary>
/// Keeps Execute's return statements in step with its outputs: an added output returns <c>default!</c>
/// (<c>return model;</c> becomes <c>return (model, default!);</c>), a removed one drops its tuple element.
/// Returns that are not tuple literals are left for the person to fix, and the compiler says where.
/// </summary>
internal static class ReturnStatements
{
    private static ExpressionSyntax Placeholder() => SyntaxFactory.ParseExpression("default!");

    public static MethodDeclarationSyntax Rewrite(MethodDeclarationSyntax execute, int oldCount, bool added, int index)
    {
        if (execute.ExpressionBody is { } arrow)
        {
            var changed = Change(arrow.Expression, oldCount, added, index);
            return changed == null ? execute : execute.WithExpressionBody(arrow.WithExpression(changed));
        }
        if (execute.Body is not { } body) return execute;
        // Returns of lambdas and local functions inside Execute are theirs, not Execute's.
        var returns = body.DescendantNodes(n => n is not (AnonymousFunctionExpressionSyntax or LocalFunctionStatementSyntax))
            .OfType<ReturnStatementSyntax>().ToList();
        var rewritten = body.ReplaceNodes(returns, (original, _) => Statement(original, oldCount, added, index));
        if (added && oldCount == 0 && !EndsWithJump(rewritten)) rewritten = AppendReturn(rewritten);
        return execute.WithBody(rewritten);
    }

    private static ReturnStatementSyntax Statement(ReturnStatementSyntax statement, int oldCount, bool added, int index)
    {
        if (statement.Expression == null)
            return added && oldCount == 0 ? statement.WithExpression(Placeholder()).WithReturnKeyword(SpaceAfter(statement.ReturnKeyword)) : statement;
        if (!added && oldCount == 1)
            return statement.WithExpression(null).WithReturnKeyword(statement.ReturnKeyword.WithTrailingTrivia());
        return Change(statement.Expression, oldCount, added, index) is { } changed ? statement.WithExpression(changed) : statement;
    }

    /// <summary>The returned value with the output added or removed, or null when it cannot be changed safely.</summary>
    private static ExpressionSyntax? Change(ExpressionSyntax value, int oldCount, bool added, int index)
    {
        if (added && oldCount == 1) return Tuple([SyntaxFactory.Argument(value.WithoutTrivia()), SyntaxFactory.Argument(Placeholder())]).WithTriviaFrom(value);
        if (value is not TupleExpressionSyntax tuple || tuple.Arguments.Count != oldCount) return null;
        if (added) return Tuple([.. tuple.Arguments, SyntaxFactory.Argument(Placeholder())]).WithTriviaFrom(tuple);
        if (oldCount == 2) return tuple.Arguments[1 - index].Expression.WithTriviaFrom(tuple);
        return tuple.WithArguments(tuple.Arguments.RemoveAt(index));
    }

    private static TupleExpressionSyntax Tuple(IReadOnlyList<ArgumentSyntax> arguments) =>
        SyntaxFactory.TupleExpression(SyntaxFactory.SeparatedList(arguments, Enumerable.Repeat(OutputRewriter.CommaSpace(), arguments.Count - 1)));

    private static SyntaxToken SpaceAfter(SyntaxToken token) => token.WithTrailingTrivia(SyntaxFactory.Space);

    private static bool EndsWithJump(BlockSyntax body) => body.Statements.LastOrDefault() is ReturnStatementSyntax or ThrowStatementSyntax;

    /// <summary>Adds <c>return default!;</c> as the block's last statement, indented as the statements above it.</summary>
    private static BlockSyntax AppendReturn(BlockSyntax body)
    {
        var last = body.Statements.LastOrDefault();
        var indentation = last != null
            ? Indentation(last.GetLeadingTrivia())
            : Indentation(body.OpenBraceToken.LeadingTrivia).Add(SyntaxFactory.Whitespace("    "));
        var newline = body.DescendantTrivia().FirstOrDefault(t => t.IsKind(SyntaxKind.EndOfLineTrivia)) is { } eol && eol != default
            ? eol : SyntaxFactory.LineFeed;
        var statement = SyntaxFactory.ReturnStatement(SyntaxFactory.Token(SyntaxKind.ReturnKeyword).WithTrailingTrivia(SyntaxFactory.Space), Placeholder(), SyntaxFactory.Token(SyntaxKind.SemicolonToken))
            .WithLeadingTrivia(indentation).WithTrailingTrivia(newline);
        return body.AddStatements(statement);
    }

    /// <summary>The whitespace after the last line break of some leading trivia: the line's indentation.</summary>
    internal static SyntaxTriviaList Indentation(SyntaxTriviaList leading)
    {
        var afterBreak = leading.Reverse().TakeWhile(t => !t.IsKind(SyntaxKind.EndOfLineTrivia)).Reverse();
        return SyntaxFactory.TriviaList(afterBreak.Where(t => t.IsKind(SyntaxKind.WhitespaceTrivia)));
    }
}
