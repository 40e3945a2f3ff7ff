namespace DeepForge.Storage;

/// <summary>What a <see cref="StoreChange"/> is about.</summary>
public enum ChangeKind
{
    /// <summary>A project's definition (its pipelines, architectures, code) was written or deleted.</summary>
    Project,
    /// <summary>An execution, one of its nodes, or its log or feedback changed.</summary>
    Execution,
    /// <summary>A job of the queue changed.</summary>
    Job,
    /// <summary>An artifact of a project was written or deleted.</summary>
    Artifact,
    /// <summary>A document of another collection changed (workers, tokens, people, ...).</summary>
    Other,
    /// <summary>
    /// Something may have changed that the feed cannot name (another process wrote to a SQLite file, or a feed's
    /// connection was lost and is back): whoever shows stored state reads it again.
    /// </summary>
    Everything,
}
