using DeepForge.Models;
using DeepForge.Projects;
using DeepForge.Server.Identity;
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
        // Names and descriptions only: where the seeds lie on the server's disk is nobody's business.
        api.MapGet("/seeds", (ProjectService projects) => Results.Ok(projects.Seeds.Select(s => new SeedView(s.Name, s.Description)).ToList()))
            .WithTags("Projects").WithSummary("The seeds a project can start from").Produces<IReadOnlyList<SeedView>>();
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

    // Only the projects the person may see: the names of others' projects are not theirs to know.
    private static async Task<IResult> ListAsync(HttpContext http, ProjectService projects, ProjectAccess access, CancellationToken cancellationToken)
    {
        var all = await projects.ListAsync(cancellationToken);
        var visible = (await access.VisibleAsync(http.User, all.Select(p => p.Name), cancellationToken)).ToHashSet(StringComparer.Ordinal);
        return Results.Ok(all.Where(p => visible.Contains(p.Name)).Select(ProjectSummary.Of).ToList());
    }

    private static async Task<IResult> GetAsync(string project, DeepForgeStore store, CancellationToken cancellationToken) =>
        await store.Projects.GetAsync(project, cancellationToken) is { } found ? Results.Ok(found.Value) : NoProject(project);

    private static async Task<IResult> CreateAsync(HttpContext http, ProjectService projects, ProjectAccess access, DeepForgeStore store, CancellationToken cancellationToken)
    {
        var (body, problem) = await RequestJson.ReadAsync<CreateProjectRequest>(http.Request, cancellationToken);
        if (problem != null) return problem;
        if (await store.Projects.GetAsync(body!.Name, cancellationToken) != null) return ApiProblems.Conflict($"a project named '{body.Name}' already exists");
        var created = await projects.CreateAsync(body.Name, body.Seed, cancellationToken);
        await access.SetOwnerAsync(created.Name, http.User.Identity!.Name!, cancellationToken);
        return Results.Created($"/api/v1/projects/{created.Name}", created);
    }

    private static async Task<IResult> SaveAsync(string project, HttpContext http, ProjectService projects, ProjectAccess access, CancellationToken cancellationToken)
    {
        var (body, problem) = await RequestJson.ReadAsync<ProjectDefinition>(http.Request, cancellationToken);
        if (problem != null) return problem;
        if (body!.Name.Length == 0) body.Name = project;
        if (body.Name != project) return ApiProblems.BadRequest($"the body names project '{body.Name}' but the URL names '{project}'");
        await projects.SaveAsync(body, cancellationToken);
        // Whoever saves a project nobody owns yet (a new one) owns it; ProjectAccessFilter let them through.
        await access.SetOwnerAsync(project, http.User.Identity!.Name!, cancellationToken);
        return Results.Ok(body);
    }

    public static IResult NoProject(string project) => ApiProblems.NotFound($"there is no project '{project}'");
}
