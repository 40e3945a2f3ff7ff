using DeepForge.Api;
using DeepForge.Data;
using DeepForge.Dispatch;
using DeepForge.Feedback;
using DeepForge.Models;
using DeepForge.Runtime;
using DeepForge.Server.Api.Projects;
using DeepForge.Server.Hosting;
using DeepForge.Storage;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Logging;

namespace DeepForge.Server.Api.Executions;

/// <summary>/api/v1 executions: start (returns at once; runs in the background on the server), list, status, cancel, resume, delete, log, feedback, jobs.</summary>
internal static class ExecutionEndpoints
{
    private const int MaxPage = 10_000;

    public static void Map(RouteGroupBuilder api)
    {
        api.MapPost("/projects/{project}/executions", StartAsync).WithTags("Executions").WithSummary("Run a pipeline; answers at once while it runs")
            .Accepts<StartExecutionRequest>("application/json").Produces<ExecutionView>(StatusCodes.Status202Accepted)
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status404NotFound);
        api.MapGet("/projects/{project}/executions", ListAsync).WithTags("Executions").WithSummary("A project's executions, newest first")
            .Produces<IReadOnlyList<ExecutionSummary>>().ProducesProblem(StatusCodes.Status404NotFound);
        var group = api.MapGroup("/executions/{execution}").WithTags("Executions");
        group.MapGet("/", GetAsync).WithSummary("An execution with the status of every node; a queued node says what it waits for")
            .Produces<ExecutionView>().ProducesProblem(StatusCodes.Status404NotFound);
        group.MapDelete("/", DeleteAsync).WithSummary("Delete a finished execution with its logs, feedback and jobs; the artifacts it made stay")
            .Produces(StatusCodes.Status204NoContent).ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        group.MapPost("/cancel", CancelAsync).WithSummary("Cancel: running jobs hear it in their next heartbeat").Produces<ExecutionView>().ProducesProblem(StatusCodes.Status404NotFound);
        group.MapPost("/resume", ResumeAsync).WithSummary("Run on from where it stopped; finished operations are not run again")
            .Produces<ExecutionView>(StatusCodes.Status202Accepted).ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        group.MapGet("/nodes/{node}/log", LogAsync).WithSummary("A node's log after a sequence number (tail it by passing the last one back)")
            .Produces<StreamPage<LogEntry>>().ProducesProblem(StatusCodes.Status404NotFound);
        group.MapGet("/nodes/{node}/feedback", FeedbackAsync).WithSummary("A node's feedback events (graphs, images) after a sequence number")
            .Produces<StreamPage<FeedbackEntry>>().ProducesProblem(StatusCodes.Status404NotFound);
        group.MapGet("/jobs", JobsAsync).WithSummary("The jobs handed to workers for this execution").Produces<IReadOnlyList<JobView>>().ProducesProblem(StatusCodes.Status404NotFound);
    }

    private static async Task<IResult> StartAsync(string project, HttpRequest request, ExecutionService executions, BackgroundExecutions background,
        JobQueue queue, DeepForgeStore store, CancellationToken cancellationToken)
    {
        if (await store.Projects.GetAsync(project, cancellationToken) == null) return ProjectEndpoints.NoProject(project);
        var (body, problem) = await RequestJson.ReadAsync<StartExecutionRequest>(request, cancellationToken);
        if (problem != null) return problem;
        var options = ToOptions(body!);
        options.StartedBy = request.HttpContext.User.Identity?.Name;
        var execution = await executions.CreateAsync(project, body!.Pipeline, options, cancellationToken);
        background.Start(execution.Id);
        return Results.Accepted($"/api/v1/executions/{execution.Id}", await ViewAsync(execution.Id, executions, queue, cancellationToken));
    }

    private static RunOptions ToOptions(StartExecutionRequest body)
    {
        var options = new RunOptions { UseCache = body.UseCache ?? true };
        foreach (var (node, artifact) in body.Inputs ?? []) options.Inputs[node] = artifact;
        foreach (var (node, values) in body.Attributes ?? []) options.Attributes[node] = values;
        return options;
    }

    private static async Task<IResult> ListAsync(string project, ExecutionService executions, DeepForgeStore store, CancellationToken cancellationToken)
    {
        if (await store.Projects.GetAsync(project, cancellationToken) == null) return ProjectEndpoints.NoProject(project);
        return Results.Ok((await executions.ListAsync(project, cancellationToken)).Select(ExecutionSummary.Of).ToList());
    }

    private static async Task<IResult> GetAsync(string execution, ExecutionService executions, JobQueue queue, DeepForgeStore store, CancellationToken cancellationToken) =>
        await store.Executions.GetAsync(execution, cancellationToken) == null ? NoExecution(execution)
            : Results.Ok(await ViewAsync(execution, executions, queue, cancellationToken));

    private static async Task<IResult> CancelAsync(string execution, ExecutionService executions, JobQueue queue, DeepForgeStore store,
        ILoggerFactory loggers, CancellationToken cancellationToken)
    {
        if ((await store.Executions.GetAsync(execution, cancellationToken))?.Value is not { } stored) return NoExecution(execution);
        ServerLog.CancelRequested(loggers.CreateLogger(typeof(ExecutionEndpoints)), execution);
        await executions.CancelAsync(execution, cancellationToken);
        await CancelLeftRunningAsync(stored, store, cancellationToken);
        // Told to the jobs here as well as by the run, so a worker hears it even when another server runs the execution.
        await queue.CancelExecutionAsync(execution, cancellationToken);
        return Results.Ok(await ViewAsync(execution, executions, queue, cancellationToken));
    }

    // Left Running by a host that stopped inside this process: its owner looks alive, so nobody else would mark it cancelled.
    private static Task CancelLeftRunningAsync(ExecutionRecord execution, DeepForgeStore store, CancellationToken cancellationToken) =>
        store.Executions.UpdateAsync(execution.Id, execution.Project, e =>
        {
            if (e.Status == ExecutionStatus.Running && BackgroundExecutions.WasLeftRunning(e))
                (e.Status, e.FinishedAt, e.CancelRequested) = (ExecutionStatus.Cancelled, DateTimeOffset.UtcNow, true);
            return e;
        }, cancellationToken);

    private static async Task<IResult> DeleteAsync(string execution, ExecutionService executions, DeepForgeStore store, CancellationToken cancellationToken)
    {
        if (await store.Executions.GetAsync(execution, cancellationToken) == null) return NoExecution(execution);
        try
        {
            await executions.DeleteAsync(execution, cancellationToken);
        }
        catch (DeepForgeException e)
        {
            // The one refusal is a pending or running execution: a conflict with its state, not bad input.
            return ApiProblems.Conflict(e.Message);
        }
        return Results.NoContent();
    }

    private static async Task<IResult> ResumeAsync(string execution, ExecutionService executions, BackgroundExecutions background, JobQueue queue,
        DeepForgeStore store, CancellationToken cancellationToken)
    {
        if ((await store.Executions.GetAsync(execution, cancellationToken))?.Value is not { } stored) return NoExecution(execution);
        if (stored.Status == ExecutionStatus.Succeeded) return ApiProblems.Conflict($"execution '{execution}' has already succeeded: there is nothing to resume");
        if (stored.Status == ExecutionStatus.Running && !BackgroundExecutions.WasLeftRunning(stored))
            return ApiProblems.Conflict($"execution '{execution}' is running (process {stored.Owner?.ProcessId} on {stored.Owner?.Host})");
        if (!background.Start(execution)) return ApiProblems.Conflict($"execution '{execution}' is running on this server");
        return Results.Accepted($"/api/v1/executions/{execution}", await ViewAsync(execution, executions, queue, cancellationToken));
    }

    private static async Task<IResult> LogAsync(string execution, string node, long? after, int? max, DeepForgeStore store, CancellationToken cancellationToken)
    {
        if (await NodeProblemAsync(execution, node, store, cancellationToken) is { } problem) return problem;
        var entries = await store.Documents.ReadStreamAsync(Collections.LogStream(execution, node), after ?? 0, Math.Clamp(max ?? 1000, 1, MaxPage), cancellationToken);
        return Results.Ok(new StreamPage<LogEntry>(entries.Select(e => new LogEntry(e.Sequence, e.Text)).ToList(), entries.Count > 0 ? entries[^1].Sequence : after ?? 0));
    }

    private static async Task<IResult> FeedbackAsync(string execution, string node, long? after, int? max, DeepForgeStore store, CancellationToken cancellationToken)
    {
        if (await NodeProblemAsync(execution, node, store, cancellationToken) is { } problem) return problem;
        var entries = await store.Documents.ReadStreamAsync(Collections.FeedbackStream(execution, node), after ?? 0, Math.Clamp(max ?? 1000, 1, MaxPage), cancellationToken);
        var events = entries.Select(e => new FeedbackEntry(e.Sequence, Json.Deserialize<FeedbackEvent>(e.Text))).ToList();
        return Results.Ok(new StreamPage<FeedbackEntry>(events, entries.Count > 0 ? entries[^1].Sequence : after ?? 0));
    }

    private static async Task<IResult> JobsAsync(string execution, JobQueue queue, DeepForgeStore store, CancellationToken cancellationToken) =>
        await store.Executions.GetAsync(execution, cancellationToken) == null ? NoExecution(execution)
            : Results.Ok((await queue.OfExecutionAsync(execution, cancellationToken)).Select(JobView.Of).ToList());

    private static async Task<IResult?> NodeProblemAsync(string execution, string node, DeepForgeStore store, CancellationToken cancellationToken)
    {
        if ((await store.Executions.GetAsync(execution, cancellationToken))?.Value is not { } stored) return NoExecution(execution);
        return stored.Pipeline.FindNode(node) == null ? ApiProblems.NotFound($"execution '{execution}' has no node '{node}'") : null;
    }

    /// <summary>The execution and its nodes, a queued node with what it waits for ("waiting for a worker with: gpu").</summary>
    internal static async Task<ExecutionView> ViewAsync(string executionId, ExecutionService executions, JobQueue queue, CancellationToken cancellationToken)
    {
        var execution = await executions.GetAsync(executionId, cancellationToken);
        var nodes = await executions.NodesAsync(executionId, cancellationToken);
        var waiting = await queue.WaitingAsync(executionId, cancellationToken);
        foreach (var node in nodes.Where(n => n.Status == NodeStatus.Running))
            node.Waiting = waiting.GetValueOrDefault(node.NodeId);
        return new ExecutionView(execution, nodes);
    }

    private static IResult NoExecution(string execution) => ApiProblems.NotFound($"there is no execution '{execution}'");
}
