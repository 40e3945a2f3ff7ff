namespace DeepForge.Operations;

/// <summary>Describes an operation for the catalog.</summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class OperationAttribute : Attribute
{
    /// <summary>The name pipelines use; the class name when not set.</summary>
    public string? Name { get; set; }

    /// <summary>The group it is listed under in the designer.</summary>
    public string Category { get; set; } = "Operations";

    /// <summary>What it does.</summary>
    public string? Description { get; set; }

    /// <summary>Worker labels it needs, for example <c>gpu</c>.</summary>
    public string[] Labels { get; set; } = [];

    /// <summary>False for operations whose result depends on more than their code, attributes and inputs (a download, a clock).</summary>
    public bool Cacheable { get; set; } = true;
}
