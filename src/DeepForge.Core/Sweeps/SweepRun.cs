using System.Text.Json;

namespace DeepForge.Sweeps;

/// <summary>One run of a sweep: its execution and the values it was given.</summary>
public sealed class SweepRun
{
    /// <summary>The execution: an ordinary one, resumed, cancelled and compared like any other.</summary>
    public string ExecutionId { get; set; } = "";

    /// <summary><c>node.attribute</c> to the value this run was given.</summary>
    public Dictionary<string, JsonElement> Values { get; set; } = new();
}
