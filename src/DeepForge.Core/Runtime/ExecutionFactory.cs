using DeepForge.Catalog;
using DeepForge.Models;
using DeepForge.Storage;
using DeepForge.Validation;

namespace DeepForge.Runtime;

/// <summary>Validates a pipeline and stores a new execution of it; when anything is wrong, nothing is stored.</summary>
internal sealed class ExecutionFactory(DeepForgeStore store, CatalogProvider catalogs)
{
    /// <summary>The stored execution, or null when one with <see cref="RunOptions.Id"/> exists already (nothing is written then).</summary>
    public async Task<ExecutionRecord?> CreateAsync(ProjectDefinition project, string pipelineName, RunOptions options, CancellationToken cancellationToken)
    {
        var (pipeline, lease, artifacts, problems) = await CheckAsync(project, pipelineName, options, [], cancellationToken);
        using var _ = lease;
        var catalog = lease.Catalog;
        if (problems.Count > 0) throw new DeepForgeException(problems);
        var execution = new ExecutionRecord
        {
            Id = options.Id ?? NewId(), Project = project.Name, Pipeline = pipeline, Architectures = project.Architectures,
            SourceHash = catalog.SourceHash ?? "", OperationCode = OperationCodeOf(pipeline, catalog), AssemblyBlob = catalog.ProjectAssemblyBlob, UseCache = options.UseCache,
            Inputs = artifacts.Where(a => a.Value != null).ToDictionary(a => a.Key, a => a.Value!.Id),
            Status = ExecutionStatus.Pending, CreatedAt = DateTimeOffset.UtcNow, StartedBy = options.StartedBy,
            ScheduleId = options.ScheduleId, ScheduledFor = options.ScheduledFor,
        };
        var writes = pipeline.Nodes.Select(n => store.Nodes.Write(NodeRecord.Key(execution.Id, n.Id), execution.Id, InitialNode(execution, n, artifacts), 0))
            .Prepend(store.Executions.Write(execution.Id, project.Name, execution, 0)).ToList();
        // Every write expects no document (version 0): the insert fails as a whole when the id exists, which is what keeps a
        // derived id (a schedule's fire) from running twice, however many servers share the store.
        return await store.Documents.PutManyAsync(writes, cancellationToken) ? execution : null;
    }

    private static Dictionary<string, OperationCode> OperationCodeOf(PipelineDefinition pipeline, OperationCatalog catalog) =>
        pipeline.Nodes.Select(n => n.Operation).OfType<string>().Distinct(StringComparer.Ordinal)
            .Select(name => (name, Code: catalog.Find(name) is { } operation ? catalog.CodeOf(operation) : null))
            .Where(o => o.Code != null).ToDictionary(o => o.name, o => o.Code!, StringComparer.Ordinal);

    /// <summary>What would stop the pipeline from running now, each problem naming its node, port or attribute; empty when it can run.</summary>
    public Task<IReadOnlyList<Problem>> ValidateAsync(ProjectDefinition project, string pipelineName, CancellationToken cancellationToken) =>
        ProblemsAsync(project, pipelineName, new RunOptions(), [], cancellationToken);

    /// <summary>
    /// What would stop this run: <paramref name="options"/> as <see cref="CreateAsync"/> would take them, with the Input nodes in
    /// <paramref name="fileInputs"/> counted as given a file about to be uploaded (a <see cref="Data.DataFile"/>), so a run that
    /// would be refused is refused before anything is uploaded.
    /// </summary>
    public Task<IReadOnlyList<Problem>> ValidateRunAsync(ProjectDefinition project, string pipelineName, RunOptions options, IReadOnlyCollection<string> fileInputs, CancellationToken cancellationToken) =>
        ProblemsAsync(project, pipelineName, options, fileInputs, cancellationToken);

    private async Task<IReadOnlyList<Problem>> ProblemsAsync(ProjectDefinition project, string pipelineName, RunOptions options, IReadOnlyCollection<string> fileInputs, CancellationToken cancellationToken)
    {
        var (_, lease, _, problems) = await CheckAsync(project, pipelineName, options, fileInputs, cancellationToken);
        lease.Dispose();
        return problems;
    }

    /// <summary>The checks; the caller disposes the returned lease on the project's code.</summary>
    private async Task<(PipelineDefinition Pipeline, CatalogLease Lease, IReadOnlyDictionary<string, ArtifactRecord?> Artifacts, List<Problem> Problems)> CheckAsync(
        ProjectDefinition project, string pipelineName, RunOptions options, IReadOnlyCollection<string> fileInputs, CancellationToken cancellationToken)
    {
        var pipeline = WithAttributes(project.FindPipeline(pipelineName) ?? throw new DeepForgeException($"pipeline '{pipelineName}'",
            $"project '{project.Name}' has no pipeline '{pipelineName}' (it has: {string.Join(", ", project.Pipelines.Select(p => p.Name))})"), options);
        var lease = await catalogs.ForAsync(project.Sources, cancellationToken);
        try
        {
            var artifacts = await ResolveInputsAsync(project, pipeline, options, fileInputs, cancellationToken);
            return (pipeline, lease, artifacts, lease.Catalog.Errors.Concat(new PipelineValidator(project, pipeline, lease.Catalog, artifacts).Validate()).ToList());
        }
        catch
        {
            lease.Dispose();
            throw;
        }
    }

    /// <summary>A copy of the pipeline with this run's attribute values; the project itself is not changed.</summary>
    private static PipelineDefinition WithAttributes(PipelineDefinition pipeline, RunOptions options)
    {
        if (options.Attributes.Count == 0) return pipeline;
        var copy = Data.Json.Deserialize<PipelineDefinition>(Data.Json.Serialize(pipeline));
        foreach (var (nodeId, values) in options.Attributes)
        {
            var node = copy.FindNode(nodeId) ?? throw new DeepForgeException($"attributes.{nodeId}", $"attributes.{nodeId}: pipeline '{pipeline.Name}' has no node '{nodeId}' (nodes: {string.Join(", ", pipeline.Nodes.Select(n => n.Id))})");
            foreach (var (name, value) in values) node.Attributes[name] = value;
        }
        return copy;
    }

    private static NodeRecord InitialNode(ExecutionRecord execution, PipelineNode node, IReadOnlyDictionary<string, ArtifactRecord?> artifacts)
    {
        var record = new NodeRecord { ExecutionId = execution.Id, NodeId = node.Id, Status = NodeStatus.Pending };
        if (node.Kind != NodeKind.Input) return record;
        // Input nodes read their artifact when the run starts, so later uploads do not change a running execution.
        record.Status = NodeStatus.Succeeded;
        record.StartedAt = record.FinishedAt = execution.CreatedAt;
        if (artifacts.GetValueOrDefault(node.Id) is { } artifact)
            record.Outputs[PipelineNode.DataPort] = new OutputValue(artifact.DataType, artifact.Hash, artifact.Size);
        return record;
    }

    private async Task<IReadOnlyDictionary<string, ArtifactRecord?>> ResolveInputsAsync(
        ProjectDefinition project, PipelineDefinition pipeline, RunOptions options, IReadOnlyCollection<string> fileInputs, CancellationToken cancellationToken)
    {
        foreach (var unknown in options.Inputs.Keys.Concat(fileInputs).Where(k => pipeline.FindNode(k) is not { Kind: NodeKind.Input }))
            throw new DeepForgeException($"inputs.{unknown}", $"inputs.{unknown}: pipeline '{pipeline.Name}' has no Input node '{unknown}' (Input nodes: {string.Join(", ", pipeline.Nodes.Where(n => n.Kind == NodeKind.Input).Select(n => n.Id))})");
        var result = new Dictionary<string, ArtifactRecord?>();
        foreach (var node in pipeline.Nodes.Where(n => n.Kind == NodeKind.Input))
        {
            if (fileInputs.Contains(node.Id))
            {
                result[node.Id] = new ArtifactRecord { Id = "", Project = project.Name, Name = node.Id, DataType = Catalog.DataTypeNames.Of(typeof(Data.DataFile)) };
                continue;
            }
            var wanted = options.Inputs.GetValueOrDefault(node.Id) ?? node.Artifact;
            result[node.Id] = wanted == null ? null : await FindArtifactAsync(project.Name, wanted, cancellationToken);
            if (options.Inputs.ContainsKey(node.Id) && result[node.Id] == null)
                throw new DeepForgeException($"inputs.{node.Id}", $"inputs.{node.Id}: project '{project.Name}' has no artifact with the id or name '{wanted}'");
        }
        return result;
    }

    private async Task<ArtifactRecord?> FindArtifactAsync(string project, string idOrName, CancellationToken cancellationToken)
    {
        var byId = await store.Artifacts.GetAsync(idOrName, cancellationToken);
        if (byId != null && byId.Value.Project == project) return byId.Value;
        return await store.NewestArtifactAsync(project, idOrName, cancellationToken);
    }

    private static string NewId() => $"{DateTime.UtcNow:yyyyMMdd-HHmmss}-{Guid.NewGuid().ToString("n")[..6]}";
}
