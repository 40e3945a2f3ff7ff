namespace DeepForge.Designer.Artifacts.Viewing;

/// <summary>What a tensor too large to list holds, in figures.</summary>
internal sealed record TensorSummary(string Minimum, string Maximum, string Mean);
