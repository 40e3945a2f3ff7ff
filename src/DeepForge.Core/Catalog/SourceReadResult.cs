namespace DeepForge.Catalog;

/// <summary>
/// What reading a project's sources gives: every operation class described (even when some code has errors),
/// and every problem of the code, each naming its file, line and column (<c>path(line,col): error CS0103: ...</c>).
/// </summary>
public sealed record SourceReadResult(IReadOnlyList<SourceOperation> Operations, IReadOnlyList<Problem> Problems)
{
    /// <summary>Whether any problem is an error: code that would not compile or an operation the catalog could not read.</summary>
    public bool HasErrors => Problems.Any(p => p.Message.Contains(": error ", StringComparison.Ordinal));
}
