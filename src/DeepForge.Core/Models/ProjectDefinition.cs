namespace DeepForge.Models;

/// <summary>A project: its pipelines, architectures and C# sources.</summary>
public sealed class ProjectDefinition
{
    /// <summary>Unique in the store; letters, digits, '-', '_' and '.'.</summary>
    public string Name { get; set; } = "";

    /// <summary>What the project is for.</summary>
    public string? Description { get; set; }

    /// <summary>The seed it was made from.</summary>
    public string? Seed { get; set; }

    /// <summary>Pipelines.</summary>
    public List<PipelineDefinition> Pipelines { get; set; } = new();

    /// <summary>Architectures.</summary>
    public List<ArchitectureDefinition> Architectures { get; set; } = new();

    /// <summary>C# sources: operations, layers and data types of this project.</summary>
    public List<SourceFile> Sources { get; set; } = new();

    /// <summary>The pipeline of that name, or null.</summary>
    public PipelineDefinition? FindPipeline(string name) => Pipelines.FirstOrDefault(p => p.Name == name);

    /// <summary>The architecture of that name, or null.</summary>
    public ArchitectureDefinition? FindArchitecture(string name) => Architectures.FirstOrDefault(a => a.Name == name);
}
