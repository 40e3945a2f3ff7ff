using DeepForge.Projects;
using DeepForge.Runtime;

namespace DeepForge;

/// <summary>DeepForge embedded in an app: projects, executions and artifacts. Get it from the service provider after <c>AddDeepForge</c>.</summary>
public sealed class DeepForgeEngine
{
    internal DeepForgeEngine(ProjectService projects, ExecutionService executions, ArtifactService artifacts) =>
        (Projects, Executions, Artifacts) = (projects, executions, artifacts);

    /// <summary>Projects and seeds.</summary>
    public ProjectService Projects { get; }

    /// <summary>Running pipelines and reading their results.</summary>
    public ExecutionService Executions { get; }

    /// <summary>Data in projects.</summary>
    public ArtifactService Artifacts { get; }
}
