using DeepForge.Models;

namespace DeepForge.Worker.Jobs;

/// <summary>How a job ended: its outputs, or a one-line error and details (what was thrown, what the process printed). The child writes it as its result file.</summary>
internal sealed record JobOutcome(Dictionary<string, OutputValue>? Outputs, string? Error = null, string? Details = null)
{
    public bool Succeeded => Outputs != null;

    public static JobOutcome Success(IReadOnlyDictionary<string, OutputValue> outputs) => new(outputs.ToDictionary());

    public static JobOutcome Failure(string error, string? details = null) => new(null, error, details);
}
