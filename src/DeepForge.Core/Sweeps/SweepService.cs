using System.Text.Json;
using DeepForge.Models;
using DeepForge.Runtime;
using DeepForge.Storage;

namespace DeepForge.Sweeps;

/// <summary>
/// Sweeps: start a group of executions of one pipeline that differ in some attributes, list them, and read their table.
/// The runs are ordinary executions, so they resume, cancel, compare, run on workers and share the cache like any other.
/// </summary>
public sealed class SweepService
{
    /// <summary>The collection sweeps are stored in, partitioned by project.</summary>
    public const string Collection = "sweeps";

    private readonly DocumentCollection<SweepRecord> _sweeps;
    private readonly ExecutionService _executions;
    private readonly Projects.ProjectService _projects;

    internal SweepService(DeepForgeStore store, ExecutionService executions, Projects.ProjectService projects) =>
        (_sweeps, _executions, _projects) = (new DocumentCollection<SweepRecord>(store.Documents, Collection), executions, projects);

    /// <summary>
    /// Checks every run as a single run would be checked (nodes, attributes, ranges, inputs), then stores an execution for
    /// each and the sweep; nothing is stored when any run would be refused. The executions are left pending: see <see cref="RunAsync"/>.
    /// </summary>
    public async Task<SweepRecord> CreateAsync(string project, SweepRequest request, CancellationToken cancellationToken = default)
    {
        var (plan, seed) = SweepPlanner.Plan(request);
        await CheckNodesAsync(project, request, cancellationToken);
        var runs = plan.Select(values => (Values: values, Options: OptionsOf(request, values))).ToList();
        foreach (var run in runs)
        {
            var problems = await _executions.ValidateAsync(project, request.Pipeline, run.Options, [], cancellationToken);
            if (problems.Count > 0) throw new DeepForgeException(problems);
        }
        var sweep = new SweepRecord
        {
            Id = NewId(), Project = project, Pipeline = request.Pipeline, Parameters = request.Parameters, Metric = request.Metric, Goal = request.Goal,
            Parallel = request.Parallel, Seed = seed, CreatedAt = DateTimeOffset.UtcNow, StartedBy = request.StartedBy,
        };
        foreach (var run in runs)
            sweep.Runs.Add(new SweepRun { ExecutionId = (await _executions.CreateAsync(project, request.Pipeline, run.Options, cancellationToken)).Id, Values = run.Values });
        await _sweeps.PutAsync(sweep.Id, project, sweep, 0, cancellationToken);
        return sweep;
    }

    // Said here in the sweep's words (node.attribute), before each run's check would say it of its attributes.
    private async Task CheckNodesAsync(string project, SweepRequest request, CancellationToken cancellationToken)
    {
        var definition = await _projects.GetAsync(project, cancellationToken);
        var pipeline = definition.FindPipeline(request.Pipeline) ?? throw new DeepForgeException($"pipeline '{request.Pipeline}'",
            $"project '{project}' has no pipeline '{request.Pipeline}' (it has: {string.Join(", ", definition.Pipelines.Select(p => p.Name))})");
        foreach (var parameter in request.Parameters.Where(p => pipeline.FindNode(p.Node) == null))
            throw new DeepForgeException(parameter.Name, $"{parameter.Name}: pipeline '{pipeline.Name}' has no node '{parameter.Node}' (nodes: {string.Join(", ", pipeline.Nodes.Select(n => n.Id))})");
    }

    /// <summary>A project's sweeps, newest first.</summary>
    public async Task<IReadOnlyList<SweepRecord>> ListAsync(string project, CancellationToken cancellationToken = default) =>
        (await _sweeps.ListAsync(project, cancellationToken)).OrderByDescending(s => s.CreatedAt).ToList();

    /// <summary>The sweep of that id in the project.</summary>
    public async Task<SweepRecord> GetAsync(string project, string sweepId, CancellationToken cancellationToken = default) =>
        (await _sweeps.GetAsync(sweepId, cancellationToken))?.Value is { } sweep && sweep.Project == project ? sweep
            : throw new DeepForgeException($"sweep '{sweepId}'", $"project '{project}' has no sweep '{sweepId}'");

    /// <summary>Every run's values, status and final metrics, best first by the sweep's metric and goal.</summary>
    public Task<SweepTable> TableAsync(string project, string sweepId, CancellationToken cancellationToken = default) =>
        TableAsync(project, sweepId, null, cancellationToken);

    /// <summary>
    /// As <see cref="TableAsync(string, string, CancellationToken)"/>, for a reader who may not see every project: a run
    /// node reused from a run of another project (the cache is shared by all projects) scores only when
    /// <paramref name="mayReadProject"/> says the reader may read that project.
    /// </summary>
    public async Task<SweepTable> TableAsync(string project, string sweepId, Func<string, CancellationToken, Task<bool>>? mayReadProject,
        CancellationToken cancellationToken)
    {
        var sweep = await GetAsync(project, sweepId, cancellationToken);
        var runs = new List<(SweepRun Run, ExecutionStatus Status, IReadOnlyList<(string Name, double Value)> Scores)>();
        foreach (var run in sweep.Runs)
        {
            // A run deleted since (by hand, or by retention) leaves the table; the sweep keeps its values.
            if (await FindAsync(run.ExecutionId, cancellationToken) is not { } execution) continue;
            runs.Add((run, execution.Status, await RunScores.ReadAsync(_executions, execution, mayReadProject, cancellationToken)));
        }
        var names = runs.SelectMany(r => r.Scores.Select(s => s.Name)).Distinct().ToList();
        var metric = SweepMetric.Resolve(sweep.Metric, names);
        var rows = runs.Select(r => Row(r.Run, r.Status, r.Scores, metric)).ToList();
        return new SweepTable(sweep, metric, names, SweepMetric.Rank(rows, sweep.Goal), rows.All(r => IsFinished(r.Status)));
    }

    /// <summary>
    /// Runs the sweep's runs that have not ended through <paramref name="run"/> (which returns when its run has), at most
    /// <see cref="SweepRecord.Parallel"/> at once, in the order they were planned. A run that fails does not stop the others.
    /// </summary>
    public async Task RunAsync(SweepRecord sweep, Func<string, CancellationToken, Task> run, CancellationToken cancellationToken = default)
    {
        using var slots = new SemaphoreSlim(sweep.Parallel);
        var started = new List<Task>();
        foreach (var each in sweep.Runs)
        {
            var execution = await FindAsync(each.ExecutionId, cancellationToken);
            if (execution == null || IsFinished(execution.Status) || execution.CancelRequested) continue;
            await slots.WaitAsync(cancellationToken);
            started.Add(RunOneAsync(each.ExecutionId, run, slots, cancellationToken));
        }
        await Task.WhenAll(started);
    }

    private static async Task RunOneAsync(string executionId, Func<string, CancellationToken, Task> run, SemaphoreSlim slots, CancellationToken cancellationToken)
    {
        try { await Task.Run(() => run(executionId, cancellationToken), cancellationToken); }
        finally { slots.Release(); }
    }

    /// <summary>Whether every run of the sweep has ended (or is gone), so there is nothing left to run.</summary>
    public async Task<bool> IsFinishedAsync(SweepRecord sweep, CancellationToken cancellationToken = default)
    {
        foreach (var run in sweep.Runs)
            if (await FindAsync(run.ExecutionId, cancellationToken) is { } e && !IsFinished(e.Status) && !e.CancelRequested) return false;
        return true;
    }

    private async Task<ExecutionRecord?> FindAsync(string executionId, CancellationToken cancellationToken)
    {
        try { return await _executions.GetAsync(executionId, cancellationToken); }
        catch (DeepForgeException) { return null; }
    }

    private static bool IsFinished(ExecutionStatus status) => status is ExecutionStatus.Succeeded or ExecutionStatus.Failed or ExecutionStatus.Cancelled;

    private static SweepRow Row(SweepRun run, ExecutionStatus status, IReadOnlyList<(string Name, double Value)> scores, string? metric)
    {
        var metrics = scores.GroupBy(s => s.Name).ToDictionary(g => g.Key, g => g.Last().Value);
        double? score = metric != null && metrics.TryGetValue(metric, out var value) && double.IsFinite(value) ? value : null;
        return new SweepRow(run.ExecutionId, status, run.Values, metrics, score, false);
    }

    private static RunOptions OptionsOf(SweepRequest request, Dictionary<string, JsonElement> values)
    {
        var options = new RunOptions { UseCache = request.UseCache, StartedBy = request.StartedBy };
        foreach (var (node, artifact) in request.Inputs) options.Inputs[node] = artifact;
        foreach (var parameter in request.Parameters)
        {
            if (!options.Attributes.TryGetValue(parameter.Node, out var attributes)) options.Attributes[parameter.Node] = attributes = new();
            attributes[parameter.Attribute] = values[parameter.Name];
        }
        return options;
    }

    private static string NewId() => $"{DateTime.UtcNow:yyyyMMdd-HHmmss}-{Guid.NewGuid().ToString("n")[..6]}";
}
