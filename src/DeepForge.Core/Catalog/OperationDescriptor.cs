namespace DeepForge.Catalog;

/// <summary>An operation's interface as read from its code.</summary>
public sealed record OperationDescriptor
{
    /// <summary>The name pipelines use.</summary>
    public required string Name { get; init; }

    /// <summary>Where the designer lists it.</summary>
    public string Category { get; init; } = "Operations";

    /// <summary>What it does.</summary>
    public string? Description { get; init; }

    /// <summary>Inputs in order.</summary>
    public IReadOnlyList<PortDescriptor> Inputs { get; init; } = [];

    /// <summary>Outputs in order.</summary>
    public IReadOnlyList<PortDescriptor> Outputs { get; init; } = [];

    /// <summary>Design-time attributes.</summary>
    public IReadOnlyList<AttributeDescriptor> Attributes { get; init; } = [];

    /// <summary>References.</summary>
    public IReadOnlyList<ReferenceDescriptor> References { get; init; } = [];

    /// <summary>Worker labels it needs.</summary>
    public IReadOnlyList<string> Labels { get; init; } = [];

    /// <summary>Whether identical runs may reuse earlier outputs.</summary>
    public bool Cacheable { get; init; } = true;

    /// <summary>Where it comes from: <c>project</c> or a plugin's name.</summary>
    public string Origin { get; init; } = "";

    /// <summary>The full name of the class.</summary>
    public string TypeName { get; init; } = "";
}
