namespace DeepForge.Projects;

/// <summary>
/// What a compare-and-set write of a project did. <paramref name="Saved"/>: it was stored. <paramref name="Version"/>:
/// the new version when saved; otherwise the stored version that stopped it (0 when there is no such project).
/// </summary>
public sealed record ProjectWriteResult(bool Saved, long Version);
