using System.Text.RegularExpressions;

namespace DeepForge.Architecture.Tests;

/// <summary>
/// Sync-over-async in source text: a task waited for with <c>.GetAwaiter().GetResult()</c>, <c>.Result</c>, <c>.Wait()</c>
/// or <c>Task.WaitAll</c>/<c>WaitAny</c>. Comments are left out, so a comment may name them.
/// </summary>
internal static partial class BlockingWaits
{
    /// <summary>The folders whose code reads and writes blobs, which must await the store rather than wait on it.</summary>
    public static readonly string[] BlobFolders = ["src/DeepForge.Core/Blobs", "hosts/DeepForge.Server/Api/Blobs", "hosts/DeepForge.Server/Blobs"];

    /// <summary>"file:line: code" for each blocking wait in the C# files under <paramref name="folder"/>.</summary>
    public static IEnumerable<string> In(string root, string folder) =>
        from path in Directory.EnumerateFiles(Path.Combine(root, folder), "*.cs", SearchOption.AllDirectories)
        from line in File.ReadLines(path).Select((text, index) => (Text: text, Number: index + 1))
        where IsBlocking(line.Text)
        select $"{Path.GetRelativePath(root, path)}:{line.Number}: {line.Text.Trim()}";

    public static bool IsBlocking(string line) => Wait().IsMatch(CodeOf(line));

    // What precedes a line comment; a "//" inside a string literal cuts the line short, which only ever hides code, never invents it.
    private static string CodeOf(string line) => line.IndexOf("//", StringComparison.Ordinal) is var at and >= 0 ? line[..at] : line;

    [GeneratedRegex(@"\.GetResult\(\)|\.Result\b|\.Wait\(|\bTask\.Wait(All|Any)\(")]
    private static partial Regex Wait();
}
