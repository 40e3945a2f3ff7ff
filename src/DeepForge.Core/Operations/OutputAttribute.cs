namespace DeepForge.Operations;

/// <summary>Names the outputs of <c>Execute</c>: one name for a single value, or one per element of a tuple.</summary>
[AttributeUsage(AttributeTargets.ReturnValue)]
public sealed class OutputAttribute(params string[] names) : Attribute
{
    /// <summary>The output names in order.</summary>
    public IReadOnlyList<string> Names { get; } = names;
}
