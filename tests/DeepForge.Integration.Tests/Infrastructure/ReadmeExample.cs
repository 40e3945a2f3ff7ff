namespace DeepForge.Integration.Tests.Infrastructure;

/// <summary>The C# code block that follows a marker comment in the repository's README.md.</summary>
internal static class ReadmeExample
{
    public static string After(string marker)
    {
        var lines = File.ReadAllLines(Path.Combine(Repository.Root, "README.md"));
        var at = Array.FindIndex(lines, l => l.Trim() == marker);
        if (at < 0) throw new InvalidOperationException($"README.md has no {marker}");
        var open = Array.FindIndex(lines, at + 1, l => l.TrimStart().StartsWith("```csharp", StringComparison.Ordinal));
        var close = open < 0 ? -1 : Array.FindIndex(lines, open + 1, l => l.TrimStart().StartsWith("```", StringComparison.Ordinal));
        if (open < 0 || close < 0) throw new InvalidOperationException($"README.md has no ```csharp block after {marker}");
        return string.Join("\n", lines[(open + 1)..close]) + "\n";
    }
}
