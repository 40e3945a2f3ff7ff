namespace DeepForge.Designer.Undo;

/// <summary>
/// How a kind of document (a pipeline, an architecture) divides into parts that people change independently:
/// its keyed collection (<paramref name="Elements"/>, whose members have an "id"), the maps and own parts of each
/// element, and the set of links between elements. Everything else is a property of the document.
/// </summary>
internal sealed record DocumentShape(string Elements, string Noun, IReadOnlySet<string> Maps, IReadOnlySet<string> OwnParts, string Links)
{
    public static readonly DocumentShape Pipeline = new("nodes", "node", new HashSet<string> { "attributes", "references" }, new HashSet<string> { "position" }, "connections");

    public static readonly DocumentShape Architecture = new("layers", "layer", new HashSet<string> { "attributes" }, new HashSet<string> { "position" }, "connections");

    /// <summary>
    /// The element an end of a link names: a pipeline's links name ports ("train.model"), an architecture's
    /// name layers ("conv1"); ids hold no dots.
    /// </summary>
    public static string ElementOf(string end) => end.Split('.', 2)[0];
}
