using DeepForge.Api;
using DeepForge.Catalog;
using DeepForge.Models;
using DeepForge.Projects;
using DeepForge.Runtime;
using DeepForge.Server.Api.Versions;
using DeepForge.Identity;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace DeepForge.Server.Api.Projects;

/// <summary>
/// /api/v1/projects: list, read, create from a seed, save; and /api/v1/seeds. A project's version is its ETag;
/// a save says which version it replaces (If-Match) and is refused when that is no longer the stored one.
/// </summary>
internal static class ProjectEndpoints
{
    public static void Map(RouteGroupBuilder api)
    {
        // Names and descriptions only: where the seeds lie on the server's disk is nobody's business.
        api.MapGet("/seeds", (ProjectService projects) => Results.Ok(projects.Seeds.Select(s => new SeedView(s.Name, s.Description)).ToList()))
            .WithTags("Projects").WithSummary("The seeds a project can start from").Produces<IReadOnlyList<SeedView>>();
        var group = api.MapGroup("/projects").WithTags("Projects");
        group.MapGet("/", ListAsync).WithSummary("Every project").Produces<IReadOnlyList<ProjectSummary>>();
        group.MapGet("/{project}", GetAsync).WithSummary("A project: pipelines, architectures, sources; its version is the ETag")
            .Produces<ProjectDefinition>().ProducesProblem(StatusCodes.Status404NotFound);
        group.MapPost("/", CreateAsync).WithSummary("Make a project from a seed")
            .Accepts<CreateProjectRequest>("application/json").Produces<ProjectDefinition>(StatusCodes.Status201Created)
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status409Conflict);
        group.MapPut("/{project}", SaveAsync)
            .WithSummary("Save a project (replaces it): If-Match with the ETag of the GET it was read with; none (or If-None-Match: *) creates a new one. Answers the project with a 'problems' array of what would stop its pipelines from running")
            .Accepts<ProjectDefinition>("application/json").Produces<ProjectDefinition>()
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status412PreconditionFailed)
            .ProducesProblem(StatusCodes.Status428PreconditionRequired);
    }

    // Only the projects the person may see: the names of others' projects are not theirs to know.
    private static async Task<IResult> ListAsync(HttpContext http, ProjectService projects, ProjectAccess access, CancellationToken cancellationToken)
    {
        var all = await projects.ListAsync(cancellationToken);
        var visible = (await access.VisibleAsync(http.User, all.Select(p => p.Name), cancellationToken)).ToHashSet(StringComparer.Ordinal);
        return Results.Ok(all.Where(p => visible.Contains(p.Name)).Select(ProjectSummary.Of).ToList());
    }

    private static async Task<IResult> GetAsync(string project, HttpResponse response, ProjectService projects, CancellationToken cancellationToken)
    {
        if (await projects.FindAsync(project, cancellationToken) is not { } found) return NoProject(project);
        ETags.Set(response, found.Version);
        return Results.Ok(found);
    }

    private static async Task<IResult> CreateAsync(HttpContext http, ProjectService projects, ProjectAccess access, CancellationToken cancellationToken)
    {
        var (body, problem) = await RequestJson.ReadAsync<CreateProjectRequest>(http.Request, cancellationToken);
        if (problem != null) return problem;
        if (await projects.FindAsync(body!.Name, cancellationToken) != null) return ApiProblems.Conflict($"a project named '{body.Name}' already exists");
        var created = await projects.CreateAsync(body.Name, body.Seed, Editors.Of(http.User), cancellationToken);
        await access.SetOwnerAsync(created.Name, http.User.Identity!.Name!, cancellationToken);
        ETags.Set(http.Response, created.Version);
        return Results.Created($"/api/v1/projects/{created.Name}", created);
    }

    private static async Task<IResult> SaveAsync(string project, HttpContext http, ProjectService projects, ExecutionService executions, CatalogProvider catalogs, ProjectAccess access, CancellationToken cancellationToken)
    {
        var (condition, refused) = WriteCondition.Read(http.Request);
        if (refused != null) return refused;
        var (body, problem) = await RequestJson.ReadAsync<ProjectDefinition>(http.Request, cancellationToken);
        if (problem != null) return problem;
        if (body!.Name.Length == 0) body.Name = project;
        if (body.Name != project) return ApiProblems.BadRequest($"the body names project '{body.Name}' but the URL names '{project}'");
        body.Version = condition!.ExpectedVersion;
        var result = await projects.TrySaveAsync(body, Editors.Of(http.User), cancellationToken);
        if (!result.Saved) return VersionRefusals.For($"project '{project}'", $"/api/v1/projects/{project}", condition, result.Version);
        // Whoever saves a project nobody owns yet (a new one) owns it; ProjectAccessFilter let them through.
        await access.SetOwnerAsync(project, http.User.Identity!.Name!, cancellationToken);
        var problems = await new SaveProblems(executions, catalogs).OfProjectAsync(body, cancellationToken);
        return SavedDocument.Answer(http, body, result.Version, problems);
    }

    public static IResult NoProject(string project) => ApiProblems.NotFound($"there is no project '{project}'");
}
