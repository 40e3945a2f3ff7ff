using DeepForge.Data;
using DeepForge.Feedback;
using DeepForge.Models;
using DeepForge.Projects;
using DeepForge.Storage;

namespace DeepForge.Runtime;

/// <summary>Executions: run a pipeline, resume, cancel, and read status, logs and feedback.</summary>
public sealed class ExecutionService
{
    private readonly DeepForgeStore _store;
    private readonly ProjectService _projects;
    private readonly ExecutionFactory _factory;
    private readonly Func<IExecutionObserver?, ExecutionRun> _newRun;

    internal ExecutionService(DeepForgeStore store, ProjectService projects, ExecutionFactory factory, Func<IExecutionObserver?, ExecutionRun> newRun) =>
        (_store, _projects, _factory, _newRun) = (store, projects, factory, newRun);

    /// <summary>Validates and stores a new execution without running it; nothing is stored when the pipeline is invalid.</summary>
    public async Task<ExecutionRecord> CreateAsync(string project, string pipeline, RunOptions? options = null, CancellationToken cancellationToken = default) =>
        await TryCreateAsync(project, pipeline, options, cancellationToken)
        ?? throw new DeepForgeException("id", $"an execution with the id '{options?.Id}' exists already: give another id, or none for a new one");

    /// <summary>
    /// As <see cref="CreateAsync"/>, but null when an execution with <see cref="RunOptions.Id"/> exists already: the creation is
    /// one insert that fails when the id is taken, so of several callers with one id exactly one gets the execution.
    /// </summary>
    public async Task<ExecutionRecord?> TryCreateAsync(string project, string pipeline, RunOptions? options = null, CancellationToken cancellationToken = default) =>
        await _factory.CreateAsync(await _projects.GetAsync(project, cancellationToken), pipeline, options ?? new RunOptions(), cancellationToken);

    /// <summary>
    /// What would stop the pipeline from running now (unknown operations, wrong attribute values, unconnected
    /// inputs, misfit types, missing artifacts, cycles), each naming where; empty when it can run. Code that does
    /// not compile gives a <see cref="DeepForgeException"/> naming file, line and column.
    /// </summary>
    public async Task<IReadOnlyList<Problem>> ValidateAsync(string project, string pipeline, CancellationToken cancellationToken = default) =>
        await _factory.ValidateAsync(await _projects.GetAsync(project, cancellationToken), pipeline, cancellationToken);

    /// <summary>What would stop a pipeline of this copy of a project (stored or not) from running, as <see cref="ValidateAsync(string, string, CancellationToken)"/> says.</summary>
    public Task<IReadOnlyList<Problem>> ValidateAsync(ProjectDefinition project, string pipeline, CancellationToken cancellationToken = default) =>
        _factory.ValidateAsync(project, pipeline, cancellationToken);

    /// <summary>
    /// What would stop this run as <see cref="CreateAsync"/> would take it, counting the Input nodes in <paramref name="fileInputs"/>
    /// as given a file about to be uploaded; empty when it can run. Lets a caller refuse a run before uploading anything.
    /// </summary>
    public async Task<IReadOnlyList<Problem>> ValidateAsync(string project, string pipeline, RunOptions options, IReadOnlyCollection<string> fileInputs, CancellationToken cancellationToken = default) =>
        await _factory.ValidateRunAsync(await _projects.GetAsync(project, cancellationToken), pipeline, options, fileInputs, cancellationToken);

    /// <summary>Runs a pipeline in this process to its end.</summary>
    public async Task<ExecutionRecord> RunAsync(string project, string pipeline, RunOptions? options = null, IExecutionObserver? observer = null, CancellationToken cancellationToken = default)
    {
        var execution = await CreateAsync(project, pipeline, options, cancellationToken);
        return await ResumeAsync(execution.Id, observer, cancellationToken);
    }

    /// <summary>Runs a stored execution on from where it stopped; finished operations are not run again.</summary>
    public Task<ExecutionRecord> ResumeAsync(string executionId, IExecutionObserver? observer = null, CancellationToken cancellationToken = default) =>
        _newRun(observer).RunAsync(executionId, cancellationToken);

    /// <summary>Asks the process running the execution to stop it; an execution nobody runs is marked cancelled at once.</summary>
    public async Task<ExecutionRecord> CancelAsync(string executionId, CancellationToken cancellationToken = default)
    {
        var current = await GetAsync(executionId, cancellationToken);
        return await _store.Executions.UpdateAsync(executionId, current.Project, e =>
        {
            if (e.Status is ExecutionStatus.Succeeded or ExecutionStatus.Failed or ExecutionStatus.Cancelled) return e;
            e.CancelRequested = true;
            if (e.Status == ExecutionStatus.Pending || ProcessIdentity.IsOrphaned(e))
                (e.Status, e.FinishedAt) = (ExecutionStatus.Cancelled, DateTimeOffset.UtcNow);
            return e;
        }, cancellationToken);
    }

    /// <summary>
    /// Deletes an execution with its node records, logs, feedback and jobs; the artifacts it produced stay.
    /// Refused while it is pending or running: cancel it first.
    /// </summary>
    public async Task DeleteAsync(string executionId, CancellationToken cancellationToken = default)
    {
        var execution = await GetAsync(executionId, cancellationToken);
        if (execution.Status is ExecutionStatus.Pending or ExecutionStatus.Running)
            throw new DeepForgeException($"execution '{executionId}'",
                $"execution '{executionId}' is {execution.Status.ToString().ToLowerInvariant()}: cancel it before deleting it");
        // The record goes last, so a delete stopped half-way leaves an execution that can be deleted again.
        foreach (var node in await _store.Nodes.ListAsync(executionId, cancellationToken))
        {
            await NodeCheckpoints.DeleteAsync(_store.Documents, executionId, node.NodeId, cancellationToken);
            await _store.Nodes.DeleteAsync(NodeRecord.Key(executionId, node.NodeId), cancellationToken);
        }
        await _store.Documents.DeleteStreamsAsync(Collections.LogStream(executionId, ""), cancellationToken);
        await _store.Documents.DeleteStreamsAsync(Collections.FeedbackStream(executionId, ""), cancellationToken);
        await JobDocuments.DeleteOfExecutionAsync(_store.Documents, executionId, cancellationToken);
        await _store.Executions.DeleteAsync(executionId, cancellationToken);
    }

    /// <summary>The execution, with <see cref="ExecutionStatus.Interrupted"/> shown for a run whose process is gone.</summary>
    public async Task<ExecutionRecord> GetAsync(string executionId, CancellationToken cancellationToken = default)
    {
        var execution = (await _store.Executions.GetAsync(executionId, cancellationToken))?.Value
            ?? throw new DeepForgeException($"execution '{executionId}'", $"there is no execution '{executionId}'");
        execution.Status = ProcessIdentity.EffectiveStatus(execution);
        return execution;
    }

    /// <summary>A project's executions, newest first.</summary>
    public async Task<IReadOnlyList<ExecutionRecord>> ListAsync(string project, CancellationToken cancellationToken = default)
    {
        var executions = await _store.Executions.ListAsync(project, cancellationToken);
        foreach (var execution in executions) execution.Status = ProcessIdentity.EffectiveStatus(execution);
        return executions.OrderByDescending(e => e.CreatedAt).ToList();
    }

    /// <summary>Every node of the execution, in pipeline order.</summary>
    public async Task<IReadOnlyList<NodeRecord>> NodesAsync(string executionId, CancellationToken cancellationToken = default)
    {
        var execution = await GetAsync(executionId, cancellationToken);
        var nodes = (await _store.Nodes.ListAsync(executionId, cancellationToken)).ToDictionary(n => n.NodeId);
        return execution.Pipeline.Nodes.Where(n => nodes.ContainsKey(n.Id)).Select(n => nodes[n.Id]).ToList();
    }

    /// <summary>All a node's log text so far (console output and log of every attempt).</summary>
    public Task<string> LogAsync(string executionId, string nodeId, CancellationToken cancellationToken = default) =>
        _store.ReadLogAsync(executionId, nodeId, cancellationToken);

    /// <summary>A node's log entries after <paramref name="afterSequence"/>, oldest first: how a live view reads only what is new.</summary>
    public Task<IReadOnlyList<StreamEntry>> LogAfterAsync(string executionId, string nodeId, long afterSequence, int max = 1000, CancellationToken cancellationToken = default) =>
        _store.Documents.ReadStreamAsync(Collections.LogStream(executionId, nodeId), afterSequence, max, cancellationToken);

    /// <summary>A node's feedback events after <paramref name="afterSequence"/>, oldest first, each with its sequence number.</summary>
    public async Task<IReadOnlyList<SequencedFeedback>> FeedbackAfterAsync(string executionId, string nodeId, long afterSequence, int max = 1000, CancellationToken cancellationToken = default)
    {
        var entries = await _store.Documents.ReadStreamAsync(Collections.FeedbackStream(executionId, nodeId), afterSequence, max, cancellationToken);
        return entries.Select(e => new SequencedFeedback(e.Sequence, Json.Deserialize<FeedbackEvent>(e.Text))).ToList();
    }

    /// <summary>
    /// The metrics each operation node reported (<c>context.Metric</c>), the last value of each name; a node whose outputs
    /// came from the cache shows the metrics of the run it reused. Nodes without metrics are left out.
    /// </summary>
    public Task<IReadOnlyList<Metrics.NodeMetrics>> MetricsAsync(string executionId, CancellationToken cancellationToken = default) =>
        Metrics.ExecutionMetrics.ReadAsync(this, executionId, null, cancellationToken);

    /// <summary>
    /// As <see cref="MetricsAsync(string, CancellationToken)"/>, for a reader who may not see every project: a node
    /// whose outputs came from a run of another project (the cache is shared by all projects) shows that run's metrics
    /// only when <paramref name="mayReadProject"/> says the reader may read that project, and none otherwise.
    /// </summary>
    public Task<IReadOnlyList<Metrics.NodeMetrics>> MetricsAsync(string executionId, Func<string, CancellationToken, Task<bool>> mayReadProject, CancellationToken cancellationToken = default) =>
        Metrics.ExecutionMetrics.ReadAsync(this, executionId, mayReadProject, cancellationToken);

    /// <summary>A node's feedback events so far, in order.</summary>
    public async Task<IReadOnlyList<FeedbackEvent>> FeedbackAsync(string executionId, string nodeId, CancellationToken cancellationToken = default)
    {
        var events = new List<FeedbackEvent>();
        long after = 0;
        while (await _store.Documents.ReadStreamAsync(Collections.FeedbackStream(executionId, nodeId), after, 1000, cancellationToken) is { Count: > 0 } entries)
        {
            events.AddRange(entries.Select(e => Json.Deserialize<FeedbackEvent>(e.Text)));
            after = entries[^1].Sequence;
        }
        return events;
    }
}
