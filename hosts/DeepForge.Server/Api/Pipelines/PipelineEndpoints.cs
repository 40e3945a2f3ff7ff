using DeepForge.Catalog;
using DeepForge.Models;
using DeepForge.Projects;
using DeepForge.Runtime;
using DeepForge.Server.Api.Projects;
using DeepForge.Server.Api.Versions;
using DeepForge.Identity;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace DeepForge.Server.Api.Pipelines;

/// <summary>
/// /api/v1/projects/{project}/pipelines. Pipelines live inside the project document, so a pipeline's version (ETag)
/// is its project's version and every change is a compare-and-set on the project: replacing or removing a pipeline
/// needs If-Match with the ETag it was read with; adding a new one needs none.
/// </summary>
internal static class PipelineEndpoints
{
    public static void Map(RouteGroupBuilder api)
    {
        var group = api.MapGroup("/projects/{project}/pipelines").WithTags("Pipelines");
        group.MapGet("/", ListAsync).WithSummary("A project's pipelines; the ETag is the project's version").Produces<IReadOnlyList<PipelineDefinition>>().ProducesProblem(StatusCodes.Status404NotFound);
        group.MapGet("/{pipeline}", GetAsync).WithSummary("One pipeline; the ETag is the project's version").Produces<PipelineDefinition>().ProducesProblem(StatusCodes.Status404NotFound);
        group.MapPut("/{pipeline}", PutAsync)
            .WithSummary("Add or replace a pipeline: If-Match with the ETag it was read with to replace; none (or If-None-Match: *) adds a new one. Stored even when it would not run; the answer's 'problems' array says what would stop it")
            .Accepts<PipelineDefinition>("application/json").Produces<PipelineDefinition>()
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status412PreconditionFailed).ProducesProblem(StatusCodes.Status428PreconditionRequired);
        group.MapDelete("/{pipeline}", DeleteAsync).WithSummary("Remove a pipeline: If-Match with the ETag it was read with")
            .Produces(StatusCodes.Status204NoContent).ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status412PreconditionFailed).ProducesProblem(StatusCodes.Status428PreconditionRequired);
    }

    private static async Task<IResult> ListAsync(string project, HttpResponse response, ProjectService projects, CancellationToken cancellationToken)
    {
        if (await projects.FindAsync(project, cancellationToken) is not { } found) return ProjectEndpoints.NoProject(project);
        ETags.Set(response, found.Version);
        return Results.Ok(found.Pipelines);
    }

    private static async Task<IResult> GetAsync(string project, string pipeline, HttpResponse response, ProjectService projects, CancellationToken cancellationToken)
    {
        if (await projects.FindAsync(project, cancellationToken) is not { } found) return ProjectEndpoints.NoProject(project);
        if (found.FindPipeline(pipeline) is not { } definition) return NoPipeline(project, pipeline);
        ETags.Set(response, found.Version);
        return Results.Ok(definition);
    }

    private static async Task<IResult> PutAsync(string project, string pipeline, HttpContext http, ProjectService projects, ExecutionService executions, CatalogProvider catalogs, CancellationToken cancellationToken)
    {
        var (condition, refused) = WriteCondition.Read(http.Request);
        if (refused != null) return refused;
        var (body, problem) = await RequestJson.ReadAsync<PipelineDefinition>(http.Request, cancellationToken);
        if (problem != null) return problem;
        if (body!.Name.Length == 0) body.Name = pipeline;
        if (body.Name != pipeline) return ApiProblems.BadRequest($"the body names pipeline '{body.Name}' but the URL names '{pipeline}'");
        if (await projects.FindAsync(project, cancellationToken) is not { } found) return ProjectEndpoints.NoProject(project);
        var (stored, refusal) = condition!.ExpectedVersion > 0
            ? await ReplaceAsync(projects, found, pipeline, condition, Editors.Of(http.User), p => Put(p, body), cancellationToken)
            : await AddAsync(projects, project, pipeline, condition, Editors.Of(http.User), body, cancellationToken);
        if (refusal != null) return refusal;
        var problems = await new SaveProblems(executions, catalogs).OfPipelineAsync(stored!, pipeline, cancellationToken);
        return SavedDocument.Answer(http, body, stored!.Version, problems);
    }

    private static async Task<IResult> DeleteAsync(string project, string pipeline, HttpContext http, ProjectService projects, CancellationToken cancellationToken)
    {
        var (condition, refused) = WriteCondition.Read(http.Request);
        if (refused != null) return refused;
        if (await projects.FindAsync(project, cancellationToken) is not { } found) return ProjectEndpoints.NoProject(project);
        if (found.FindPipeline(pipeline) == null) return NoPipeline(project, pipeline);
        if (condition!.ExpectedVersion == 0) return VersionRefusals.For(What(project, pipeline), Where(project, pipeline), condition, found.Version);
        var (stored, refusal) = await ReplaceAsync(projects, found, pipeline, condition, Editors.Of(http.User), p => p.Pipelines.RemoveAll(x => x.Name == pipeline), cancellationToken);
        if (refusal != null) return refusal;
        ETags.Set(http.Response, stored!.Version);
        return Results.NoContent();
    }

    /// <summary>A change to the version the writer read: refused (412) unless that is still the stored one.</summary>
    private static async Task<(ProjectDefinition? Stored, IResult? Refusal)> ReplaceAsync(ProjectService projects, ProjectDefinition latest, string pipeline,
        WriteCondition condition, string editor, Action<ProjectDefinition> change, CancellationToken cancellationToken)
    {
        var current = latest.Version;
        if (current == condition.ExpectedVersion)
        {
            change(latest);
            var result = await projects.TrySaveAsync(latest, editor, cancellationToken);
            if (result.Saved) return (latest, null);
            current = result.Version;
        }
        return (null, VersionRefusals.For(What(latest.Name, pipeline), Where(latest.Name, pipeline), condition, current));
    }

    /// <summary>A new pipeline, added to the newest version however often others change the project meanwhile; refused when one of that name exists.</summary>
    private static async Task<(ProjectDefinition? Stored, IResult? Refusal)> AddAsync(ProjectService projects, string project, string pipeline,
        WriteCondition condition, string editor, PipelineDefinition body, CancellationToken cancellationToken)
    {
        var existed = false;
        var stored = await projects.UpdateAsync(project, p =>
        {
            existed = p.FindPipeline(pipeline) != null;
            if (!existed) p.Pipelines.Add(body);
            return !existed;
        }, editor, cancellationToken);
        return existed ? (null, VersionRefusals.For(What(project, pipeline), Where(project, pipeline), condition, stored.Version)) : (stored, null);
    }

    private static void Put(ProjectDefinition project, PipelineDefinition pipeline)
    {
        var index = project.Pipelines.FindIndex(x => x.Name == pipeline.Name);
        if (index < 0) project.Pipelines.Add(pipeline);
        else project.Pipelines[index] = pipeline;
    }

    private static string What(string project, string pipeline) => $"pipeline '{pipeline}' of project '{project}'";

    private static string Where(string project, string pipeline) => $"/api/v1/projects/{project}/pipelines/{pipeline}";

    private static IResult NoPipeline(string project, string pipeline) => ApiProblems.NotFound($"project '{project}' has no pipeline '{pipeline}'");
}
