namespace DeepForge.Cli.Remote;

/// <summary>One project of a server's list, as <c>GET /api/v1/projects</c> answers it (only the projects the person may see).</summary>
internal sealed record RemoteProject(string Name, string? Seed, IReadOnlyList<string> Pipelines, IReadOnlyList<string> Architectures);
