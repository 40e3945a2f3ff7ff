using System.Security.Cryptography;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace DeepForge.Compilation.Roslyn;

/// <summary>
/// Hashes the declarations an operation depends on, file by file. Only tokens count, never trivia, so editing a
/// comment or the layout changes no hash; the usings and namespaces around a declaration count, since they decide
/// what its names mean.
/// </summary>
internal static class DeclarationHasher
{
    public static Dictionary<string, string> HashByFile(IEnumerable<SyntaxNode> declarations) =>
        declarations
            .GroupBy(d => d.SyntaxTree.FilePath, StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => Hash(g.Distinct().OrderBy(d => d.SpanStart)), StringComparer.Ordinal);

    private static string Hash(IEnumerable<SyntaxNode> declarations)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var declaration in declarations)
        {
            foreach (var context in Context(declaration)) Append(hash, context);
            Append(hash, declaration);
        }
        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }

    /// <summary>The usings and namespace names that enclose a declaration, outermost first.</summary>
    private static IEnumerable<SyntaxNode> Context(SyntaxNode declaration)
    {
        foreach (var ancestor in declaration.Ancestors().Reverse())
        {
            switch (ancestor)
            {
                case CompilationUnitSyntax unit:
                    foreach (var node in unit.Externs.Cast<SyntaxNode>().Concat(unit.Usings)) yield return node;
                    break;
                case BaseNamespaceDeclarationSyntax ns:
                    yield return ns.Name;
                    foreach (var node in ns.Externs.Cast<SyntaxNode>().Concat(ns.Usings)) yield return node;
                    break;
            }
        }
    }

    private static void Append(IncrementalHash hash, SyntaxNode node)
    {
        foreach (var token in node.DescendantTokens())
        {
            hash.AppendData(Encoding.UTF8.GetBytes(token.Text));
            hash.AppendData([0]);
        }
        hash.AppendData([1]);
    }
}
