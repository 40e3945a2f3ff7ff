namespace DeepForge.Storage;

/// <summary>
/// One change told by an <see cref="IChangeFeed"/>: what kind of thing changed, its id and, where the store knows
/// it from the write alone, its project. It says that something changed, not what it now is: a listener reads it.
/// </summary>
/// <param name="Kind">What changed.</param>
/// <param name="Id">The project name, execution id, job id or artifact id; for <see cref="ChangeKind.Other"/> the document id.</param>
/// <param name="ProjectId">The project, when the write named it (executions and artifacts are partitioned by project); null otherwise.</param>
/// <param name="Source">The collection or stream that was written ("" for <see cref="ChangeKind.Everything"/>).</param>
public sealed record StoreChange(ChangeKind Kind, string Id, string? ProjectId, string Source)
{
    /// <summary>The change that names nothing in particular: read everything shown again.</summary>
    public static StoreChange Everything { get; } = new(ChangeKind.Everything, "", null, "");

    /// <summary>True when this change may concern the <paramref name="kind"/> of id <paramref name="id"/>.</summary>
    public bool Concerns(ChangeKind kind, string id) => Kind == ChangeKind.Everything || (Kind == kind && Id == id);

    /// <summary>True when this change may concern what a page of project <paramref name="project"/> shows of <paramref name="kind"/>.</summary>
    public bool ConcernsProject(ChangeKind kind, string project) =>
        Kind == ChangeKind.Everything || (Kind == kind && (ProjectId == null || ProjectId == project));
}
