namespace DeepForge.Server.Api.Projects;

/// <summary>A seed as the API shows it: its name and what it holds, not where it lies on the server.</summary>
internal sealed record SeedView(string Name, string? Description);
