namespace DeepForge.Designer.Artifacts;

/// <summary>An Input node that reads an artifact: the pipeline and the node.</summary>
internal sealed record ArtifactReader(string Pipeline, string Node);
