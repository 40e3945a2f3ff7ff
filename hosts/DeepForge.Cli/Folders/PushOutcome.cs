namespace DeepForge.Cli.Folders;

/// <summary>
/// What one push did. <paramref name="Stored"/>: the folder is now the project, at <paramref name="Version"/>.
/// <paramref name="Refusals"/>: why nothing was stored (empty when stored or nothing changed).
/// <paramref name="Warnings"/>: what would stop a pipeline from running, stored anyway as work in progress.
/// </summary>
internal sealed record PushOutcome(string Project, bool Stored, long Version, IReadOnlyList<string> Changes, IReadOnlyList<Problem> Refusals, IReadOnlyList<Problem> Warnings)
{
    public bool Refused => Refusals.Count > 0;
}
