using DeepForge.Catalog;
using DeepForge.Models;
using DeepForge.Runtime;

namespace DeepForge.Server.Api.Versions;

/// <summary>What would stop a stored pipeline or project from running: the checks Execute makes (<see cref="ExecutionService.ValidateAsync(ProjectDefinition, string, CancellationToken)"/>).</summary>
internal sealed class SaveProblems(ExecutionService executions, CatalogProvider catalogs)
{
    public async Task<IReadOnlyList<Problem>> OfPipelineAsync(ProjectDefinition project, string pipeline, CancellationToken cancellationToken)
    {
        try { return await executions.ValidateAsync(project, pipeline, cancellationToken); }
        catch (DeepForgeException e) { return e.Problems; } // code that does not compile: the save stands, the errors are its problems
    }

    /// <summary>The problems of the project's code once, then each pipeline's own, located in their pipeline.</summary>
    public async Task<IReadOnlyList<Problem>> OfProjectAsync(ProjectDefinition project, CancellationToken cancellationToken)
    {
        var (code, compiled) = await CodeProblemsAsync(project, cancellationToken);
        // Code that does not compile stops every pipeline alike; validating each would only compile it again.
        if (!compiled) return code;
        var problems = new List<Problem>(code);
        foreach (var pipeline in project.Pipelines.Select(p => p.Name).Distinct())
        {
            var own = (await OfPipelineAsync(project, pipeline, cancellationToken)).Where(p => !code.Contains(p));
            problems.AddRange(own.Select(p => new Problem($"pipeline '{pipeline}', {p.Location}", p.Message)));
        }
        return problems;
    }

    private async Task<(IReadOnlyList<Problem> Problems, bool Compiled)> CodeProblemsAsync(ProjectDefinition project, CancellationToken cancellationToken)
    {
        try
        {
            using var lease = await catalogs.ForAsync(project.Sources, cancellationToken);
            return (lease.Errors, true);
        }
        catch (DeepForgeException e) { return (e.Problems, false); }
    }
}
