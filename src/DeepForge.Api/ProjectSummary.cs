using DeepForge.Models;

namespace DeepForge.Api;

/// <summary>A project in a list: its name, what it holds (without the sources) and who changed it last.</summary>
public sealed record ProjectSummary(string Name, string? Description, string? Seed, IReadOnlyList<string> Pipelines, IReadOnlyList<string> Architectures, int Sources,
    EditStamp? LastEdit)
{
    /// <summary>The summary of a project, as the server's project list answers it: names and a count instead of the pipelines, architectures and sources.</summary>
    public static ProjectSummary Of(ProjectDefinition project) => new(
        project.Name, project.Description, project.Seed,
        project.Pipelines.Select(p => p.Name).ToList(), project.Architectures.Select(a => a.Name).ToList(), project.Sources.Count, project.LastEdit);
}
