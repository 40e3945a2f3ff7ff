using DeepForge.Api;
using DeepForge.Identity;
using DeepForge.Server.Api.Projects;
using DeepForge.Server.Sweeps;
using DeepForge.Storage;
using DeepForge.Sweeps;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace DeepForge.Server.Api.Sweeps;

/// <summary>/api/v1/projects/{project}/sweeps: start a sweep (its runs run on the server, a few at a time), list them, read one's table.</summary>
internal static class SweepEndpoints
{
    public static void Map(RouteGroupBuilder api)
    {
        var group = api.MapGroup("/projects/{project}/sweeps").WithTags("Sweeps");
        group.MapPost("/", StartAsync).WithSummary("Start a sweep: one execution per combination of values (or per random draw); answers at once while they run")
            .Accepts<StartSweepRequest>("application/json").Produces<SweepTable>(StatusCodes.Status202Accepted)
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status404NotFound);
        group.MapGet("/", ListAsync).WithSummary("A project's sweeps, newest first").Produces<IReadOnlyList<SweepSummary>>().ProducesProblem(StatusCodes.Status404NotFound);
        group.MapGet("/{sweep}", GetAsync).WithSummary("A sweep's table: every run's values, status and final metrics, best first by the sweep's metric")
            .Produces<SweepTable>().ProducesProblem(StatusCodes.Status404NotFound);
    }

    private static async Task<IResult> StartAsync(string project, HttpRequest request, SweepService sweeps, ServerSweeps running, DeepForgeStore store,
        ProjectAccess access, CancellationToken cancellationToken)
    {
        if (await store.Projects.GetAsync(project, cancellationToken) == null) return ProjectEndpoints.NoProject(project);
        var (body, problem) = await RequestJson.ReadAsync<StartSweepRequest>(request, cancellationToken);
        if (problem != null) return problem;
        var sweep = await sweeps.CreateAsync(project, body!.ToRequest(request.HttpContext.User.Identity?.Name), cancellationToken);
        running.Start(sweep);
        return Results.Accepted($"/api/v1/projects/{project}/sweeps/{sweep.Id}", await sweeps.TableAsync(project, sweep.Id, MayRead(access, request.HttpContext), cancellationToken));
    }

    private static async Task<IResult> ListAsync(string project, SweepService sweeps, DeepForgeStore store, CancellationToken cancellationToken)
    {
        if (await store.Projects.GetAsync(project, cancellationToken) == null) return ProjectEndpoints.NoProject(project);
        return Results.Ok((await sweeps.ListAsync(project, cancellationToken)).Select(SweepSummary.Of).ToList());
    }

    private static async Task<IResult> GetAsync(string project, string sweep, SweepService sweeps, DeepForgeStore store, ProjectAccess access,
        HttpContext http, CancellationToken cancellationToken)
    {
        if (await store.Projects.GetAsync(project, cancellationToken) == null) return ProjectEndpoints.NoProject(project);
        try
        {
            return Results.Ok(await sweeps.TableAsync(project, sweep, MayRead(access, http), cancellationToken));
        }
        catch (DeepForgeException e)
        {
            // The one refusal: no sweep of that id in the project.
            return ApiProblems.NotFound(e.Message);
        }
    }

    // Scores of a run node reused from another project's run are shown only to those who may read that project.
    private static Func<string, CancellationToken, Task<bool>> MayRead(ProjectAccess access, HttpContext http) =>
        async (project, ct) => await access.RoleOfAsync(http.User, project, ct) != null;
}
