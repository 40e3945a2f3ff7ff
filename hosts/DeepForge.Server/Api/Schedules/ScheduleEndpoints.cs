using DeepForge.Api;
using DeepForge.Schedules;
using DeepForge.Server.Api.Projects;
using DeepForge.Storage;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace DeepForge.Server.Api.Schedules;

/// <summary>/api/v1 schedules of a project: add, list (next fires, last runs, missed fires), one, pause, resume, remove.</summary>
internal static class ScheduleEndpoints
{
    public static void Map(RouteGroupBuilder api)
    {
        var project = api.MapGroup("/projects/{project}/schedules").WithTags("Schedules");
        project.MapGet("/", ListAsync).WithSummary("A project's schedules with their next fire times and last runs")
            .Produces<IReadOnlyList<ScheduleView>>().ProducesProblem(StatusCodes.Status404NotFound);
        project.MapPost("/", AddAsync).WithSummary("Run a pipeline on a cron schedule (UTC); checked as a run would be")
            .Accepts<AddScheduleRequest>("application/json").Produces<ScheduleView>(StatusCodes.Status201Created)
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status404NotFound);
        project.MapGet("/{schedule}", GetAsync).WithSummary("One schedule").Produces<ScheduleView>().ProducesProblem(StatusCodes.Status404NotFound);
        project.MapPost("/{schedule}/pause", (string project, string schedule, ScheduleService schedules, CancellationToken ct) => SetPausedAsync(project, schedule, true, schedules, ct))
            .WithSummary("Stop firing until resumed").Produces<ScheduleView>().ProducesProblem(StatusCodes.Status404NotFound);
        project.MapPost("/{schedule}/resume", (string project, string schedule, ScheduleService schedules, CancellationToken ct) => SetPausedAsync(project, schedule, false, schedules, ct))
            .WithSummary("Fire again from the next fire time (the pause is not counted as missed)").Produces<ScheduleView>().ProducesProblem(StatusCodes.Status404NotFound);
        project.MapDelete("/{schedule}", RemoveAsync).WithSummary("Remove a schedule; the executions it started stay")
            .Produces(StatusCodes.Status204NoContent).ProducesProblem(StatusCodes.Status404NotFound);
    }

    private static async Task<IResult> ListAsync(string project, ScheduleService schedules, DeepForgeStore store, CancellationToken cancellationToken) =>
        await store.Projects.GetAsync(project, cancellationToken) == null ? ProjectEndpoints.NoProject(project)
            : Results.Ok(await schedules.ListAsync(project, cancellationToken));

    private static async Task<IResult> AddAsync(string project, HttpRequest request, ScheduleService schedules, DeepForgeStore store, CancellationToken cancellationToken)
    {
        if (await store.Projects.GetAsync(project, cancellationToken) == null) return ProjectEndpoints.NoProject(project);
        var (body, problem) = await RequestJson.ReadAsync<AddScheduleRequest>(request, cancellationToken);
        if (problem != null) return problem;
        if (string.IsNullOrWhiteSpace(body!.Pipeline) || string.IsNullOrWhiteSpace(body.Cron))
            return ApiProblems.BadRequest("a schedule needs a pipeline and a cron expression, like {\"pipeline\": \"train\", \"cron\": \"0 2 * * *\"}");
        var added = await schedules.AddAsync(project, body, request.HttpContext.User.Identity?.Name, cancellationToken);
        return Results.Created($"/api/v1/projects/{project}/schedules/{added.Id}", added);
    }

    private static async Task<IResult> GetAsync(string project, string schedule, ScheduleService schedules, CancellationToken cancellationToken) =>
        await schedules.GetAsync(project, schedule, cancellationToken) is { } found ? Results.Ok(found) : NoSchedule(project, schedule);

    private static async Task<IResult> SetPausedAsync(string project, string schedule, bool paused, ScheduleService schedules, CancellationToken cancellationToken) =>
        await schedules.SetPausedAsync(project, schedule, paused, cancellationToken) is { } changed ? Results.Ok(changed) : NoSchedule(project, schedule);

    private static async Task<IResult> RemoveAsync(string project, string schedule, ScheduleService schedules, CancellationToken cancellationToken) =>
        await schedules.RemoveAsync(project, schedule, cancellationToken) ? Results.NoContent() : NoSchedule(project, schedule);

    private static IResult NoSchedule(string project, string schedule) => ApiProblems.NotFound($"project '{project}' has no schedule '{schedule}'");
}
