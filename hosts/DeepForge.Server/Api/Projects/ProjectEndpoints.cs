using DeepForge.Models;
using DeepForge.Projects;
using DeepForge.Storage;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace DeepForge.Server.Api.Projects;

/// <summary>/api/v1/projects: list, read, create from a seed, save; and /api/v1/seeds.</summary>
internal static class ProjectEndpoints
{
    public static void Map(RouteGroupBuilder api)
    {
        api.MapGet("/seeds", (ProjectService projects) => Results.Ok(projects.Seeds))
            .WithTags("Projects").WithSummary("The seeds a project can start from").Produces<IReadOnlyList<SeedInfo>>();
        var group = api.MapGroup("/projects").WithTags("Projects");
        group.MapGet("/", ListAsync).WithSummary("Every project").Produces<IReadOnlyList<ProjectSummary>>();
        group.MapGet("/{project}", GetAsync).WithSummary("A project: pipelines, architectures, sources")
            .Produces<ProjectDefinition>().ProducesProblem(StatusCodes.Status404NotFound);
        group.MapPost("/", CreateAsync).WithSummary("Make a project from a seed")
            .Accepts<CreateProjectRequest>("application/json").Produces<ProjectDefinition>(StatusCodes.Status201Created)
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status409Conflict);
        group.MapPut("/{project}", SaveAsync).WithSummary("Save a project (replaces it)")
            .Accepts<ProjectDefinition>("application/json").Produces<ProjectDefinition>().ProducesProblem(StatusCodes.Status400BadRequest);
    }

    private static async Task<IResult> ListAsync(ProjectService projects, CancellationToken cancellationToken) =>
        Results.Ok((await projects.ListAsync(cancellationToken)).Select(ProjectSummary.Of).ToList());

    private static async Task<IResult> GetAsync(string project, DeepForgeStore store, CancellationToken cancellationToken) =>
        await store.Projects.GetAsync(project, cancellationToken) is { } found ? Results.Ok(found.Value) : NoProject(project);

    private static async Task<IResult> CreateAsync(HttpRequest request, ProjectService projects, DeepForgeStore store, CancellationToken cancellationToken)
    {
        var (body, problem) = await RequestJson.ReadAsync<CreateProjectRequest>(request, cancellationToken);
        if (problem != null) return problem;
        if (await store.Projects.GetAsync(body!.Name, cancellationToken) != null) return ApiProblems.Conflict($"a project named '{body.Name}' already exists");
        var created = await projects.CreateAsync(body.Name, body.Seed, cancellationToken);
        return Results.Created($"/api/v1/projects/{created.Name}", created);
    }

    private static async Task<IResult> SaveAsync(string project, HttpRequest request, ProjectService projects, CancellationToken cancellationToken)
    {
        var (body, problem) = await RequestJson.ReadAsync<ProjectDefinition>(request, cancellationToken);
        if (problem != null) return problem;
        if (body!.Name.Length == 0) body.Name = project;
        if (body.Name != project) return ApiProblems.BadRequest($"the body names project '{body.Name}' but the URL names '{project}'");
        await projects.SaveAsync(body, cancellationToken);
        return Results.Ok(body);
    }

    public static IResult NoProject(string project) => ApiProblems.NotFound($"there is no project '{project}'");
}
