namespace DeepForge.Models;

/// <summary>A run of a pipeline: the pipeline as it was run and where it stands.</summary>
public sealed class ExecutionRecord
{
    /// <summary>Short unique id.</summary>
    public string Id { get; set; } = "";

    /// <summary>The project's name.</summary>
    public string Project { get; set; } = "";

    /// <summary>The pipeline as it was when the run started.</summary>
    public PipelineDefinition Pipeline { get; set; } = new();

    /// <summary>Hash of the project's sources the run uses.</summary>
    public string SourceHash { get; set; } = "";

    /// <summary>
    /// Operation name to the code it depends on, for the project operations the pipeline uses; the cache keys them by
    /// this instead of by <see cref="SourceHash"/>. Null for executions made before operations were cached by their own code.
    /// </summary>
    public Dictionary<string, OperationCode>? OperationCode { get; set; }

    /// <summary>The project's architectures as they were when the run started.</summary>
    public List<ArchitectureDefinition> Architectures { get; set; } = new();

    /// <summary>Blob of the project's compiled code, when it has code.</summary>
    public string? AssemblyBlob { get; set; }

    /// <summary>Input node id to artifact id, resolved when the run started.</summary>
    public Dictionary<string, string> Inputs { get; set; } = new();

    /// <summary>Where it stands (as stored; see <see cref="ExecutionStatus.Interrupted"/>).</summary>
    public ExecutionStatus Status { get; set; }

    /// <summary>When it was made.</summary>
    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>When it ended.</summary>
    public DateTimeOffset? FinishedAt { get; set; }

    /// <summary>The process running it now.</summary>
    public ExecutionOwner? Owner { get; set; }

    /// <summary>The lease of the process running it (see <see cref="ExecutionLease"/>): the truth about who may write it. Null for records made before leases.</summary>
    public ExecutionLease? Lease { get; set; }

    /// <summary>A user asked to cancel it.</summary>
    public bool CancelRequested { get; set; }

    /// <summary>Whether outputs of earlier identical runs may be reused.</summary>
    public bool UseCache { get; set; } = true;

    /// <summary>Why it failed.</summary>
    public string? Error { get; set; }

    /// <summary>Who started it (a signed-in person's name); null for runs started by a local command.</summary>
    public string? StartedBy { get; set; }

    /// <summary>The schedule whose fire started it; null for runs a person or program started.</summary>
    public string? ScheduleId { get; set; }

    /// <summary>The fire time of <see cref="ScheduleId"/> it was started for (its id derives from the two).</summary>
    public DateTimeOffset? ScheduledFor { get; set; }
}
