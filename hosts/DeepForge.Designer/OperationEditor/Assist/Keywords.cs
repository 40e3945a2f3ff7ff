using Microsoft.CodeAnalysis.CSharp;

namespace DeepForge.Designer.OperationEditor.Assist;

/// <summary>The C# keywords offered where a statement or expression may start (reserved and contextual).</summary>
internal static class Keywords
{
    public static readonly IReadOnlyList<string> All = SyntaxFacts.GetReservedKeywordKinds()
        .Concat(SyntaxFacts.GetContextualKeywordKinds())
        .Select(SyntaxFacts.GetText)
        .Where(k => k.Length > 0 && !k.StartsWith("__", StringComparison.Ordinal))
        .Distinct(StringComparer.Ordinal)
        .Order(StringComparer.Ordinal)
        .ToList();
}
