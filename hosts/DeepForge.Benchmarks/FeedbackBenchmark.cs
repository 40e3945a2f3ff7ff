using System.Text.Json.Nodes;
using DeepForge.Identity;
using DeepForge.Models;
using DeepForge.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace DeepForge.Benchmarks;

/// <summary>
/// From an operation adding a graph point to an open execution page having drawn it: a server with the designer
/// (jobs in its own process, as <c>deepforge start</c> runs them), a real browser on the execution page, and the
/// <see cref="FeedbackPoints"/> operation stamping each point with the moment it added it. The path measured is the
/// whole one: the job's feedback flush, the store write, the store's change feed, the page's read and the circuit's
/// render to the browser.
/// </summary>
internal static class FeedbackBenchmark
{
    public const string GraphTitle = "feedback";
    private const string Project = "bench";
    private const string Pipeline = "feedback";

    /// <summary><paramref name="store"/>: null for a new SQLite file, "postgres" for a throwaway PostgreSQL cluster, else a store setting.</summary>
    public static async Task<object> RunAsync(BenchHost host, string? store, int points, int intervalMs, CancellationToken cancellationToken)
    {
        // Checked before anything starts: a refusal is one line, and no cluster or browser is started for it.
        if (points < 1 || intervalMs < 0) throw new DeepForgeException("bench feedback", "--points must be 1 or more and --interval-ms 0 or more");
        var root = Path.Combine(Path.GetTempPath(), $"deepforge-bench-feedback-{Guid.NewGuid():n}");
        Directory.CreateDirectory(root);
        using var cluster = string.Equals(store, "postgres", StringComparison.OrdinalIgnoreCase) ? new PostgreSqlTestCluster() : null;
        store = cluster?.Url() ?? store ?? "sqlite:" + Path.Combine(root, "deepforge.db");
        try
        {
            await File.WriteAllTextAsync(Path.Combine(root, "config.json"), new JsonObject { ["store"] = store }.ToJsonString(), cancellationToken);
            await using var server = await FeedbackServer.StartAsync(host, root, cancellationToken);
            await using var browser = await FeedbackBrowser.LaunchAsync();
            var engine = server.Services.GetRequiredService<DeepForgeEngine>();
            await engine.Projects.SaveAsync(ProjectOf(points, intervalMs), cancellationToken);
            var execution = await engine.Executions.CreateAsync(Project, Pipeline, cancellationToken: cancellationToken);
            var run = engine.Executions.ResumeAsync(execution.Id, cancellationToken: cancellationToken);
            var page = await browser.OpenAsync($"{server.Url}/executions/{execution.Id}", await server.SignInCookieAsync(cancellationToken));
            var finished = await run;
            if (finished.Status != ExecutionStatus.Succeeded) throw new DeepForgeException("bench feedback", $"the run ended {finished.Status}");
            // The last points are drawn a moment after the run ends: wait for them, a while at most.
            for (var wait = 0; wait < 100 && (await FeedbackBrowser.DrawnAsync(page)).Count < points; wait++) await Task.Delay(100, cancellationToken);
            return Figures(KindOf(store), points, intervalMs, await SentAsync(engine, execution.Id, cancellationToken), await FeedbackBrowser.DrawnAsync(page));
        }
        finally
        {
            try { Directory.Delete(root, recursive: true); }
            catch (IOException) { } // a file the server still held a moment: the temp folder is the system's to clear
        }
    }

    private static ProjectDefinition ProjectOf(int points, int intervalMs) => new()
    {
        Name = Project,
        Pipelines =
        {
            new PipelineDefinition
            {
                Name = Pipeline,
                Nodes =
                {
                    new PipelineNode
                    {
                        Id = "points", Operation = nameof(FeedbackPoints),
                        Attributes =
                        {
                            ["points"] = System.Text.Json.JsonSerializer.SerializeToElement(points),
                            ["intervalMs"] = System.Text.Json.JsonSerializer.SerializeToElement(intervalMs),
                        },
                    },
                },
            },
        },
    };

    // Each point's value is the moment the operation added it; its x is its number.
    private static async Task<Dictionary<int, long>> SentAsync(DeepForgeEngine engine, string executionId, CancellationToken cancellationToken)
    {
        var sent = new Dictionary<int, long>();
        foreach (var feedback in await engine.Executions.FeedbackAsync(executionId, "points", cancellationToken))
            for (var i = 0; feedback.Points != null && i + 1 < feedback.Points.Length; i += 2)
                sent[(int)feedback.Points[i]] = (long)feedback.Points[i + 1];
        return sent;
    }

    private static object Figures(string store, int points, int intervalMs, Dictionary<int, long> sent, IReadOnlyDictionary<int, long> drawn)
    {
        var latencies = sent.Where(s => drawn.ContainsKey(s.Key)).Select(s => (double)Math.Max(0, drawn[s.Key] - s.Value)).Order().ToList();
        if (latencies.Count == 0) throw new DeepForgeException("bench feedback", "the page drew none of the points");
        return new
        {
            Benchmark = "feedback", Store = store, Points = points, IntervalMs = intervalMs, Drawn = latencies.Count, Missed = points - latencies.Count,
            P50Ms = latencies[latencies.Count / 2], P95Ms = latencies[(int)Math.Ceiling(latencies.Count * 0.95) - 1], MaxMs = latencies[^1],
        };
    }

    private static string KindOf(string store) =>
        store.StartsWith("sqlite:", StringComparison.OrdinalIgnoreCase) ? "sqlite"
        : store.StartsWith("mongodb", StringComparison.OrdinalIgnoreCase) ? "mongodb" : "postgresql";
}
