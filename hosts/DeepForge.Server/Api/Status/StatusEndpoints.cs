using DeepForge.Api;
using System.Security.Claims;
using DeepForge.Dispatch;
using DeepForge.Identity;
using DeepForge.Runtime;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace DeepForge.Server.Api.Status;

/// <summary>
/// /api/v1/status: what an operator asks of a deployment (servers, workers and what they run, the queue), behind sign-in
/// like the rest of the API. A worker's jobs are listed only where they belong to a project the person may see, so the
/// answer does not name other people's executions and operations.
/// </summary>
internal static class StatusEndpoints
{
    public static void Map(RouteGroupBuilder api) =>
        api.MapGet("/status", GetAsync).WithTags("Status").WithSummary("Servers, connected workers with their jobs, the queue's length and its oldest waiting job")
            .Produces<StatusView>();

    private static async Task<IResult> GetAsync(ClaimsPrincipal user, JobQueue queue, ExecutionService executions, ProjectAccess access, CancellationToken cancellationToken)
    {
        var now = DateTimeOffset.UtcNow;
        var leased = (await VisibleAsync(user, await queue.LeasedAsync(cancellationToken), executions, access, cancellationToken)).ToLookup(j => j.RunnerId);
        var workers = (await queue.Runners.ConnectedAsync(cancellationToken))
            .OrderBy(r => r.Id, StringComparer.Ordinal)
            .Select(r => new StatusWorkerView(r.Id, r.Labels, r.Host, r.Slots, r.LastSeen,
                leased[r.Id].Select(j => new StatusJobView(j.Id, j.ExecutionId, j.NodeId, j.Spec.Operation)).ToList()))
            .ToList();
        var queued = await queue.QueuedAsync(cancellationToken);
        var oldest = queued.Count == 0 ? (DateTimeOffset?)null : queued.Min(j => j.EnqueuedAt);
        var waiting = new StatusQueueView(queued.Count, oldest, oldest is { } at ? Math.Round(Math.Max(0, (now - at).TotalSeconds), 1) : null);
        return Results.Ok(new StatusView([ServerIdentity.View(now)], workers, waiting));
    }

    private static async Task<IReadOnlyList<JobRecord>> VisibleAsync(ClaimsPrincipal user, IReadOnlyList<JobRecord> jobs, ExecutionService executions,
        ProjectAccess access, CancellationToken cancellationToken)
    {
        var projectOf = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var executionId in jobs.Select(j => j.ExecutionId).Distinct(StringComparer.Ordinal))
        {
            try { projectOf[executionId] = (await executions.GetAsync(executionId, cancellationToken)).Project; }
            catch (DeepForgeException) { } // deleted meanwhile: its job is nobody's to show
        }
        var visible = (await access.VisibleAsync(user, projectOf.Values.Distinct(StringComparer.Ordinal), cancellationToken)).ToHashSet(StringComparer.Ordinal);
        return jobs.Where(j => projectOf.TryGetValue(j.ExecutionId, out var project) && visible.Contains(project)).ToList();
    }
}
