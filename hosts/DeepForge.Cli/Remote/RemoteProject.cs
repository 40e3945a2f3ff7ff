using DeepForge.Api;

namespace DeepForge.Cli.Remote;

/// <summary>A row of <c>deepforge projects</c> (local or <c>--server</c>): what the command shows of a project, in one shape for both.</summary>
internal sealed record RemoteProject(string Name, string? Seed, IReadOnlyList<string> Pipelines, IReadOnlyList<string> Architectures)
{
    public static RemoteProject Of(ProjectSummary project) => new(project.Name, project.Seed, project.Pipelines, project.Architectures);
}
