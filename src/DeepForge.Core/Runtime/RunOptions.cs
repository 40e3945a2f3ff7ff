namespace DeepForge.Runtime;

/// <summary>How to start an execution.</summary>
public sealed class RunOptions
{
    /// <summary>Input node id to artifact (an artifact id, or a name meaning the newest of that name).</summary>
    public Dictionary<string, string> Inputs { get; } = new();

    /// <summary>Attribute values that replace the pipeline's for this run only: node id to attribute name to value.</summary>
    public Dictionary<string, Dictionary<string, System.Text.Json.JsonElement>> Attributes { get; } = new();

    /// <summary>Whether outputs of earlier identical runs may be reused (default true).</summary>
    public bool UseCache { get; set; } = true;

    /// <summary>Who started the run (a signed-in person's name), kept on the execution; null when nobody signed in (local commands).</summary>
    public string? StartedBy { get; set; }

    /// <summary>
    /// The execution's id when the caller derives it (a schedule's fire); null for a new random one. An execution with this
    /// id stored already makes the creation refused (<see cref="ExecutionService.TryCreateAsync"/>), never replaced.
    /// </summary>
    public string? Id { get; set; }

    /// <summary>The schedule whose fire starts the run, kept on the execution; null for other runs.</summary>
    public string? ScheduleId { get; set; }

    /// <summary>The fire time of <see cref="ScheduleId"/>, kept on the execution.</summary>
    public DateTimeOffset? ScheduledFor { get; set; }
}
