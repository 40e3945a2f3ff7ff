namespace DeepForge.Server.Api.Projects;

/// <summary>Makes a project from a seed.</summary>
internal sealed record CreateProjectRequest(string Name, string Seed);
