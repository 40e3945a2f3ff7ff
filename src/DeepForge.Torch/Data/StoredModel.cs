using DeepForge.Models;

namespace DeepForge.Torch.Data;

/// <summary>The JSON part of a stored model: what to rebuild it from.</summary>
internal sealed record StoredModel(ArchitectureDefinition Definition, Dictionary<string, ArchitectureDefinition> Library, bool Training);
