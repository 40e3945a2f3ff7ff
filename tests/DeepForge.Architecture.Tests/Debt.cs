namespace DeepForge.Architecture.Tests;

/// <summary>Compares the wrong arrows found with the ones still owed, both ways.</summary>
internal static class Debt
{
    public static void AssertOnlyOwed(IEnumerable<Arrow> found, IReadOnlySet<string> owed, string rule)
    {
        var arrows = found.Select(a => a.ToString()).ToHashSet();
        var wrong = arrows.Except(owed).Order(StringComparer.Ordinal).ToList();
        var paid = owed.Except(arrows).Order(StringComparer.Ordinal).ToList();
        Assert.True(wrong.Count == 0, $"{rule}: {string.Join(", ", wrong)}. Make what is needed a public API of a library instead.");
        Assert.True(paid.Count == 0, $"no longer there, so remove from {nameof(KnownDebt)}: {string.Join(", ", paid)}");
    }
}
