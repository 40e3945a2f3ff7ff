using DeepForge.Data;
using DeepForge.Hosting;
using DeepForge.Storage;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Options;

namespace DeepForge.Server.Api.Health;

/// <summary>/health (the process answers) and /ready (the store and blob.dir take a small write; 503 naming what does not).</summary>
internal static class HealthEndpoints
{
    public static void Map(IEndpointRouteBuilder app)
    {
        app.MapGet("/health", () => Results.Ok(new { status = "ok" })).AllowAnonymous().WithTags("Health").WithSummary("Liveness: the server process answers");
        app.MapGet("/ready", ReadyAsync).AllowAnonymous().WithTags("Health").WithSummary("Readiness: the store answers and the blob folder takes writes")
            .Produces<ReadyReport>().Produces<ReadyReport>(StatusCodes.Status503ServiceUnavailable);
    }

    private static async Task<IResult> ReadyAsync(IDocumentStore store, IOptions<DeepForgeOptions> options, CancellationToken cancellationToken)
    {
        var problems = new List<string>();
        if (await StoreProblemAsync(store, cancellationToken) is { } storeProblem) problems.Add(storeProblem);
        if (BlobProblem(options.Value.ResolvedBlobDirectory) is { } blobProblem) problems.Add(blobProblem);
        var report = new ReadyReport(problems.Count == 0, problems);
        return problems.Count == 0 ? Results.Ok(report) : Results.Json(report, statusCode: StatusCodes.Status503ServiceUnavailable);
    }

    private static readonly TimeSpan StoreTimeout = TimeSpan.FromSeconds(5);

    private static async Task<string?> StoreProblemAsync(IDocumentStore store, CancellationToken cancellationToken)
    {
        // A small write, not a read: a store that is locked or read-only still answers reads.
        // WaitAsync, not a cancelled token: a write waiting on SQLite's busy timeout does not look at its token.
        try
        {
            await store.PutAsync(Collections.Health, "ready", null, Json.Serialize(DateTimeOffset.UtcNow), null, cancellationToken).WaitAsync(StoreTimeout, cancellationToken);
            return null;
        }
        catch (TimeoutException)
        {
            return $"the store took no write within {StoreTimeout.TotalSeconds:0} s (locked by another process, or stalled)";
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            return $"the store does not take writes ({e.GetType().Name}); the server log has the details";
        }
    }

    private static string? BlobProblem(string blobDirectory)
    {
        var probe = Path.Combine(blobDirectory, "incoming", $"ready-{Guid.NewGuid():n}");
        try
        {
            Directory.CreateDirectory(Path.GetDirectoryName(probe)!);
            File.WriteAllBytes(probe, [1]);
            File.Delete(probe);
            return null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return $"blob.dir does not take writes ({e.GetType().Name}); check the folder's permissions and free space on the server";
        }
    }
}
