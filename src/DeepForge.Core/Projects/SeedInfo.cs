namespace DeepForge.Projects;

/// <summary>A seed a project can start from.</summary>
public sealed record SeedInfo(string Name, string? Description, string Directory);
