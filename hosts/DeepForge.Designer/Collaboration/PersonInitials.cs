namespace DeepForge.Designer.Collaboration;

/// <summary>An avatar's letters: the first letters of a name's first two words ("Ada Lovelace" AL, "olive" O).</summary>
internal static class PersonInitials
{
    public static string Of(string name)
    {
        var words = name.Split([' ', '.', '_', '-'], StringSplitOptions.RemoveEmptyEntries);
        return words.Length == 0 ? "?" : string.Concat(words.Take(2).Select(w => char.ToUpperInvariant(w[0])));
    }
}
