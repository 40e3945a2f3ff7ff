namespace DeepForge.Blobs;

/// <summary>Checks blob names: 64 lowercase hex digits, so a name can never be a path.</summary>
public static class BlobHash
{
    /// <summary>Whether <paramref name="hash"/> is a blob name (64 lowercase hex digits), for callers that answer "no such blob" instead of an error.</summary>
    public static bool IsValid(string hash) => hash.Length == 64 && hash.All(c => c is >= '0' and <= '9' or >= 'a' and <= 'f');

    /// <summary>Returns <paramref name="hash"/> when it is a blob name; otherwise throws a <see cref="DeepForgeException"/> naming it, before it is ever used in a path.</summary>
    public static string Require(string hash) =>
        IsValid(hash) ? hash : throw new DeepForgeException("blob", $"'{Truncate(hash)}' is not a blob hash (64 lowercase hex digits)");

    private static string Truncate(string text) => text.Length > 80 ? text[..80] + "..." : text;
}
