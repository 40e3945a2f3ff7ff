using DeepForge.Dispatch;
using DeepForge.Runner.Protocol;
using DeepForge.Server.Dispatch;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Hosting;

namespace DeepForge.Server.Api.Runners;

/// <summary>The runner protocol of <see cref="RunnerProtocol"/> (lease, heartbeat, complete, fail), and the list of connected runners.</summary>
internal static class RunnerEndpoints
{
    public static void Map(RouteGroupBuilder api)
    {
        api.MapGet("/runners", ListAsync).WithTags("Runners").WithSummary("Connected runners and the jobs they hold").Produces<IReadOnlyList<RunnerView>>();
        api.MapPost("/runners/lease", LeaseAsync).RunnerProtocol().WithSummary("Lease a job the runner has the labels for; long-polls, 204 when none came")
            .Accepts<LeaseRequest>("application/json").Produces<LeasedJob>().Produces(StatusCodes.Status204NoContent);
        var jobs = api.MapGroup("/jobs/{job}");
        jobs.MapPost("/heartbeat", HeartbeatAsync).RunnerProtocol().WithSummary("Extend the lease, send log and feedback; the reply says whether to cancel")
            .Accepts<HeartbeatRequest>("application/json").Produces<HeartbeatReply>().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        jobs.MapPost("/complete", CompleteAsync).RunnerProtocol().WithSummary("Finish a job with exactly its declared outputs (blobs uploaded first); 422 fails the job when they are not; 409 once the lease is lost or the job completed")
            .Accepts<CompleteRequest>("application/json").Produces(StatusCodes.Status200OK).ProducesProblem(StatusCodes.Status422UnprocessableEntity).ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
        jobs.MapPost("/fail", FailAsync).RunnerProtocol().WithSummary("Report that the operation failed (or stopped after a cancel); refused with 409 once the lease is lost")
            .Accepts<FailRequest>("application/json").Produces(StatusCodes.Status200OK).ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);
    }

    private static async Task<IResult> ListAsync(JobQueue queue, CancellationToken cancellationToken)
    {
        var leased = (await queue.LeasedAsync(cancellationToken)).ToLookup(j => j.RunnerId);
        var runners = await queue.Runners.ConnectedAsync(cancellationToken);
        return Results.Ok(runners.Select(r => new RunnerView(r.Id, r.Labels, r.Host, r.Slots, r.FirstSeen, r.LastSeen,
            leased[r.Id].Select(j => new RunnerJobView(j.Id, j.ExecutionId, j.NodeId, j.Spec.Operation, j.Attempts, j.LeaseExpiresAt, j.CancelRequested)).ToList())).ToList());
    }

    private static async Task<IResult> LeaseAsync(HttpContext http, JobQueue queue, IHostApplicationLifetime lifetime)
    {
        var (request, problem) = await RequestJson.ReadAsync<LeaseRequest>(http.Request, http.RequestAborted);
        if (problem != null) return problem;
        if (LeaseProblem(request!) is { } invalid) return ApiProblems.BadRequest(invalid);
        // A stopping server answers its long-polls at once instead of holding up its shutdown.
        using var wait = CancellationTokenSource.CreateLinkedTokenSource(http.RequestAborted, lifetime.ApplicationStopping);
        try
        {
            return await queue.LeaseAsync(request!, wait.Token) is { } job ? Results.Ok(job) : Results.NoContent();
        }
        catch (OperationCanceledException) when (lifetime.ApplicationStopping.IsCancellationRequested && !http.RequestAborted.IsCancellationRequested)
        {
            return Results.NoContent();
        }
    }

    private static string? LeaseProblem(LeaseRequest request)
    {
        if (string.IsNullOrWhiteSpace(request.RunnerId) || request.RunnerId.Length > 200 || request.RunnerId.Any(char.IsControl))
            return "'runnerId' must be 1 to 200 characters without control characters";
        if (request.Labels.Any(l => string.IsNullOrWhiteSpace(l) || l.Length > 100))
            return "'labels' holds an empty or overlong label (at most 100 characters each)";
        if (request.Slots < 0) return $"'slots' is {request.Slots}: use 0 or more";
        return request.WaitSeconds is < 0 ? $"'waitSeconds' is {request.WaitSeconds}: use 0 or more" : null;
    }

    private static async Task<IResult> HeartbeatAsync(string job, HttpRequest request, JobQueue queue, CancellationToken cancellationToken)
    {
        var (body, problem) = await RequestJson.ReadAsync<HeartbeatRequest>(request, cancellationToken);
        return problem ?? ToResult(await queue.HeartbeatAsync(job, body!, cancellationToken));
    }

    private static async Task<IResult> CompleteAsync(string job, HttpRequest request, JobQueue queue, CancellationToken cancellationToken)
    {
        var (body, problem) = await RequestJson.ReadAsync<CompleteRequest>(request, cancellationToken);
        return problem ?? ToResult(await queue.CompleteAsync(job, body!, cancellationToken));
    }

    private static async Task<IResult> FailAsync(string job, HttpRequest request, JobQueue queue, CancellationToken cancellationToken)
    {
        var (body, problem) = await RequestJson.ReadAsync<FailRequest>(request, cancellationToken);
        return problem ?? ToResult(await queue.FailAsync(job, body!, cancellationToken));
    }

    private static IResult ToResult(JobReport report) => report.Status switch
    {
        JobReportStatus.Accepted => report.Reply is { } reply ? Results.Ok(reply) : Results.Ok(),
        JobReportStatus.NotFound => ApiProblems.NotFound(report.Message!),
        JobReportStatus.LeaseLost => ApiProblems.Conflict(report.Message!),
        JobReportStatus.Rejected => ApiProblems.Create(StatusCodes.Status422UnprocessableEntity, "Outputs refused", report.Message!),
        _ => ApiProblems.BadRequest(report.Message!),
    };
}
