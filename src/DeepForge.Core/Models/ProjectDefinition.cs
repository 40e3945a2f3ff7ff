using System.Text.Json.Serialization;

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

    /// <summary>Who changed the project last, and when. Kept by the store's writer: what a writer sends here is ignored.</summary>
    public EditStamp? LastEdit { get; set; }

    /// <summary>Who changed each pipeline, architecture and source last, and when. Kept by the store's writer like <see cref="LastEdit"/>.</summary>
    public List<ObjectEdit> ObjectEdits { get; set; } = new();

    /// <summary>The newest edits, oldest first, at most 200 (repeated edits of one object by one person close together are one line).</summary>
    public List<ProjectEditEntry> History { get; set; } = new();

    /// <summary>
    /// The store's version of the project when this copy was read or last saved; 0 for a project never stored.
    /// Saving compares it with the stored version, so a copy that someone else's change has overtaken is refused
    /// instead of overwriting that change. Not part of the stored document (the store keeps the version).
    /// </summary>
    [JsonIgnore]
    public long Version { get; set; }

    /// <summary>The pipeline of that name, or null.</summary>
    public PipelineDefinition? FindPipeline(string name) => Pipelines.FirstOrDefault(p => p.Name == name);

    /// <summary>Who last changed the object of that kind (<c>pipeline</c>, <c>architecture</c>, <c>source</c>) and name, or null when nobody is known to have.</summary>
    public EditStamp? LastEditOf(string kind, string name) => ObjectEdits.FirstOrDefault(e => e.Kind == kind && e.Name == name) is { } edit ? new EditStamp(edit.By, edit.At) : null;

    /// <summary>The architecture of that name, or null.</summary>
    public ArchitectureDefinition? FindArchitecture(string name) => Architectures.FirstOrDefault(a => a.Name == name);
}
