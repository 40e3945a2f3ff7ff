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
}
