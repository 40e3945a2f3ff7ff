namespace DeepForge.Models;

/// <summary>Data in a project: uploaded, or saved by an Output node of an execution.</summary>
public sealed class ArtifactRecord
{
    /// <summary>Unique id.</summary>
    public string Id { get; set; } = "";

    /// <summary>The project's name.</summary>
    public string Project { get; set; } = "";

    /// <summary>The name; several artifacts may share one, the newest wins.</summary>
    public string Name { get; set; } = "";

    /// <summary>The data type.</summary>
    public string DataType { get; set; } = "";

    /// <summary>Blob hash (sha256, hex).</summary>
    public string Hash { get; set; } = "";

    /// <summary>Bytes.</summary>
    public long Size { get; set; }

    /// <summary>The execution that made it.</summary>
    public string? ExecutionId { get; set; }

    /// <summary>The Output node that made it.</summary>
    public string? NodeId { get; set; }

    /// <summary>When it was made.</summary>
    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>Who uploaded it (a signed-in person's name); null for artifacts made by executions (see <see cref="ExecutionId"/>) or local commands.</summary>
    public string? CreatedBy { get; set; }
}
