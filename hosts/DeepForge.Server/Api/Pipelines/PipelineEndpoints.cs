using DeepForge.Models;
using DeepForge.Server.Api.Projects;
using DeepForge.Storage;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace DeepForge.Server.Api.Pipelines;

/// <summary>/api/v1/projects/{project}/pipelines: pipelines live inside the project document and change with a compare-and-set on it.</summary>
internal static class PipelineEndpoints
{
    public static void Map(RouteGroupBuilder api)
    {
        var group = api.MapGroup("/projects/{project}/pipelines").WithTags("Pipelines");
        group.MapGet("/", ListAsync).WithSummary("A project's pipelines").Produces<IReadOnlyList<PipelineDefinition>>().ProducesProblem(StatusCodes.Status404NotFound);
        group.MapGet("/{pipeline}", GetAsync).WithSummary("One pipeline").Produces<PipelineDefinition>().ProducesProblem(StatusCodes.Status404NotFound);
        group.MapPut("/{pipeline}", PutAsync).WithSummary("Add or replace a pipeline")
            .Accepts<PipelineDefinition>("application/json").Produces<PipelineDefinition>()
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status404NotFound);
        group.MapDelete("/{pipeline}", DeleteAsync).WithSummary("Remove a pipeline").Produces(StatusCodes.Status204NoContent).ProducesProblem(StatusCodes.Status404NotFound);
    }

    private static async Task<IResult> ListAsync(string project, DeepForgeStore store, CancellationToken cancellationToken) =>
        await store.Projects.GetAsync(project, cancellationToken) is { } found ? Results.Ok(found.Value.Pipelines) : ProjectEndpoints.NoProject(project);

    private static async Task<IResult> GetAsync(string project, string pipeline, DeepForgeStore store, CancellationToken cancellationToken)
    {
        if (await store.Projects.GetAsync(project, cancellationToken) is not { } found) return ProjectEndpoints.NoProject(project);
        return found.Value.FindPipeline(pipeline) is { } definition ? Results.Ok(definition) : NoPipeline(project, pipeline);
    }

    private static async Task<IResult> PutAsync(string project, string pipeline, HttpRequest request, DeepForgeStore store, CancellationToken cancellationToken)
    {
        var (body, problem) = await RequestJson.ReadAsync<PipelineDefinition>(request, cancellationToken);
        if (problem != null) return problem;
        if (body!.Name.Length == 0) body.Name = pipeline;
        if (body.Name != pipeline) return ApiProblems.BadRequest($"the body names pipeline '{body.Name}' but the URL names '{pipeline}'");
        if (await store.Projects.GetAsync(project, cancellationToken) == null) return ProjectEndpoints.NoProject(project);
        await store.Projects.UpdateAsync(project, null, p =>
        {
            var index = p.Pipelines.FindIndex(x => x.Name == pipeline);
            if (index < 0) p.Pipelines.Add(body);
            else p.Pipelines[index] = body;
            return p;
        }, cancellationToken);
        return Results.Ok(body);
    }

    private static async Task<IResult> DeleteAsync(string project, string pipeline, DeepForgeStore store, CancellationToken cancellationToken)
    {
        if (await store.Projects.GetAsync(project, cancellationToken) is not { } found) return ProjectEndpoints.NoProject(project);
        if (found.Value.FindPipeline(pipeline) == null) return NoPipeline(project, pipeline);
        await store.Projects.UpdateAsync(project, null, p => { p.Pipelines.RemoveAll(x => x.Name == pipeline); return p; }, cancellationToken);
        return Results.NoContent();
    }

    private static IResult NoPipeline(string project, string pipeline) => ApiProblems.NotFound($"project '{project}' has no pipeline '{pipeline}'");
}
