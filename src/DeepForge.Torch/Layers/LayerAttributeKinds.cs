namespace DeepForge.Torch.Layers;

/// <summary>The kinds of value a layer attribute holds, as named in <see cref="LayerAttribute.Kind"/>.</summary>
public static class LayerAttributeKinds
{
    /// <summary>A whole number.</summary>
    public const string Integer = "integer";

    /// <summary>A real number.</summary>
    public const string Number = "number";

    /// <summary>true or false.</summary>
    public const string Boolean = "boolean";

    /// <summary>Text.</summary>
    public const string String = "string";

    /// <summary>One of <see cref="LayerAttribute.Values"/>.</summary>
    public const string Enum = "enum";

    /// <summary>A list of whole numbers; a single number stands for that number repeated (as PyTorch's <c>kernel_size=5</c>).</summary>
    public const string IntegerList = "integer-list";

    /// <summary>A nested architecture: an inline architecture object or the name of another architecture of the project.</summary>
    public const string Architecture = "architecture";
}
