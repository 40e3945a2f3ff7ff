using DeepForge.Identity;
using DeepForge.Metrics;
using DeepForge.Runtime;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace DeepForge.Server.Api.Metrics;

/// <summary>/api/v1/executions/{execution}/metrics: what each operation reported with <c>context.Metric</c>.</summary>
internal static class MetricEndpoints
{
    public static void Map(RouteGroupBuilder api) =>
        api.MapGet("/executions/{execution}/metrics", MetricsAsync).WithTags("Executions")
            .WithSummary("The metrics each node reported, the last value of each name; a cached node shows those of the run it reused")
            .Produces<IReadOnlyList<NodeMetrics>>().ProducesProblem(StatusCodes.Status404NotFound);

    private static async Task<IResult> MetricsAsync(string execution, ExecutionService executions, ProjectAccess access, HttpContext http, CancellationToken cancellationToken)
    {
        try
        {
            // The filter let the person read this execution's project; a node reused from another project's run is
            // shown by the same rule for that project.
            return Results.Ok(await executions.MetricsAsync(execution, async (project, ct) => await access.RoleOfAsync(http.User, project, ct) != null, cancellationToken));
        }
        catch (DeepForgeException e)
        {
            // The one refusal: no execution of that id.
            return ApiProblems.NotFound(e.Message);
        }
    }
}
