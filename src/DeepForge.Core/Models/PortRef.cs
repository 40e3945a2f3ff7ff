namespace DeepForge.Models;

/// <summary>A port of a pipeline node, written <c>node.port</c> in pipeline files.</summary>
public readonly record struct PortRef(string Node, string Port)
{
    /// <summary>Parses <c>node.port</c>; the node id is everything before the last dot.</summary>
    public static PortRef Parse(string text)
    {
        var dot = text.LastIndexOf('.');
        if (dot <= 0 || dot == text.Length - 1)
            throw new FormatException($"'{text}' is not a port: write it as node.port");
        return new PortRef(text[..dot], text[(dot + 1)..]);
    }

    /// <inheritdoc />
    public override string ToString() => $"{Node}.{Port}";
}
