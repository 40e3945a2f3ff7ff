using System.Text.Json;

namespace DeepForge.Sweeps;

/// <summary>One attribute a sweep varies: either a list of values (a grid's axis) or a range to draw from (random sweeps).</summary>
public sealed class SweepParameter
{
    /// <summary>The pipeline node.</summary>
    public string Node { get; set; } = "";

    /// <summary>The node's attribute.</summary>
    public string Attribute { get; set; } = "";

    /// <summary>The values to try, in order; null when the parameter is a range.</summary>
    public List<JsonElement>? Values { get; set; }

    /// <summary>The range to draw from; null when the parameter is a list of values.</summary>
    public SweepRange? Range { get; set; }

    /// <summary><c>node.attribute</c>, as the command and the tables name it.</summary>
    public string Name => $"{Node}.{Attribute}";
}
