namespace DeepForge.Cli.Space;

/// <summary>What <c>deepforge du</c> found: each project's artifacts and executions, and blobs nothing refers to.</summary>
internal sealed record SpaceUse(IReadOnlyList<ProjectSpace> Projects, int UnusedBlobs, long UnusedBytes);

/// <summary>A project's share: its artifacts and the outputs of its executions (a blob both hold is counted in each).</summary>
internal sealed record ProjectSpace(string Project, IReadOnlyList<SpaceItem> Artifacts, IReadOnlyList<SpaceItem> Executions)
{
    public long ArtifactBytes => Artifacts.Sum(a => a.Bytes);

    public long ExecutionBytes => Executions.Sum(e => e.Bytes);
}

/// <summary>One artifact or execution and its bytes.</summary>
internal sealed record SpaceItem(string Id, string Name, long Bytes);
