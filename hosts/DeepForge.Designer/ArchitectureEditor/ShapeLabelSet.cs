namespace DeepForge.Designer.ArchitectureEditor;

/// <summary>What the editor writes on an architecture: the shape along each connection, and the first layer that does not fit.</summary>
internal sealed class ShapeLabelSet
{
    public static readonly ShapeLabelSet Empty = new();

    /// <summary>The shape flowing along each connection, as <see cref="ShapeFormat.Sample"/> writes it; connections after a misfit have none.</summary>
    public Dictionary<LayerLink, string> Links { get; } = [];

    /// <summary>Each layer's output shape, for layers that ran.</summary>
    public Dictionary<string, long[]> Outputs { get; } = new(StringComparer.Ordinal);

    /// <summary>The shape the first layer receives, when the input shape is valid.</summary>
    public string? Input { get; init; }

    /// <summary>The architecture's output shape, when every layer fits.</summary>
    public string? Output { get; init; }

    /// <summary>The id of the first layer whose shapes do not fit, when the problem is about a layer.</summary>
    public string? FailedLayer { get; init; }

    /// <summary>Why it does not fit (or what else is wrong); null when every layer fits.</summary>
    public string? Problem { get; init; }

    public bool Fits => Problem == null;
}
