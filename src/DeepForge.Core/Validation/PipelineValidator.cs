using DeepForge.Catalog;
using DeepForge.Models;
using DeepForge.Operations;
using DeepForge.Runtime;

namespace DeepForge.Validation;

/// <summary>
/// Checks a pipeline before anything runs, and names the node, port or attribute at fault:
/// unknown operations, attribute values of the wrong kind or outside the range the operation declares, references to nothing, wires between
/// ports that do not exist or whose types do not fit, inputs left unconnected, and cycles.
/// </summary>
internal sealed class PipelineValidator(ProjectDefinition project, PipelineDefinition pipeline, OperationCatalog catalog,
    IReadOnlyDictionary<string, ArtifactRecord?> inputArtifacts)
{
    private readonly List<Problem> _problems = [];

    public IReadOnlyList<Problem> Validate()
    {
        CheckNodes();
        if (_problems.Count > 0) return _problems;
        foreach (var connection in pipeline.Connections) CheckConnection(connection);
        CheckInputsConnected();
        CycleFinder.Find(pipeline, _problems);
        return _problems;
    }

    private void CheckNodes()
    {
        foreach (var group in pipeline.Nodes.GroupBy(n => n.Id).Where(g => g.Count() > 1))
            Add($"node '{group.Key}'", $"node id '{group.Key}' is used {group.Count()} times in pipeline '{pipeline.Name}'");
        foreach (var node in pipeline.Nodes)
        {
            if (string.IsNullOrWhiteSpace(node.Id) || node.Id.Contains('.'))
                Add($"node '{node.Id}'", $"node id '{node.Id}' must be non-empty and without dots");
            else if (node.Kind == NodeKind.Operation) CheckOperationNode(node);
            else if (string.IsNullOrWhiteSpace(node.Artifact) && !(node.Kind == NodeKind.Input && node.Optional))
                Add($"node '{node.Id}'", $"{node.Kind} node '{node.Id}' names no artifact");
            else if (node.Kind == NodeKind.Input && !node.Optional && inputArtifacts.GetValueOrDefault(node.Id) == null)
                Add($"node '{node.Id}'", $"Input node '{node.Id}': project '{project.Name}' has no artifact '{node.Artifact}'; run the pipeline that makes it, or give this run an artifact for input '{node.Id}'");
        }
    }

    private void CheckOperationNode(PipelineNode node)
    {
        var operation = node.Operation == null ? null : catalog.Find(node.Operation);
        if (operation == null)
        {
            var known = string.Join(", ", catalog.Operations.Select(o => o.Name).Order());
            Add($"node '{node.Id}'", $"node '{node.Id}': unknown operation '{node.Operation}' (known: {known})");
            return;
        }
        CheckAttributes(node, operation);
        CheckReferences(node, operation.Descriptor);
    }

    private void CheckAttributes(PipelineNode node, OperationType operation)
    {
        var parameters = operation.Constructor.GetParameters().Where(p => p.ParameterType != typeof(Architecture)).ToDictionary(p => p.Name!);
        foreach (var (name, value) in node.Attributes)
        {
            var location = $"node '{node.Id}' attribute '{name}'";
            if (!parameters.TryGetValue(name, out var parameter))
                Add(location, $"{location}: operation '{operation.Name}' has no such attribute (it has: {string.Join(", ", parameters.Keys)})");
            else Try(() => AttributeValues.CheckRange(AttributeValues.Convert(parameter, value, location), Descriptor(operation, name), location));
        }
        foreach (var missing in parameters.Values.Where(p => !p.HasDefaultValue && !node.Attributes.ContainsKey(p.Name!)))
            Add($"node '{node.Id}' attribute '{missing.Name}'", $"node '{node.Id}' attribute '{missing.Name}' has no value and no default; set it");
    }

    private static AttributeDescriptor? Descriptor(OperationType operation, string name) =>
        operation.Descriptor.Attributes.FirstOrDefault(a => a.Name == name);

    private void CheckReferences(PipelineNode node, OperationDescriptor descriptor)
    {
        foreach (var reference in descriptor.References)
        {
            var location = $"node '{node.Id}' reference '{reference.Name}'";
            if (!node.References.TryGetValue(reference.Name, out var target))
                Add(location, $"{location} is not set; choose an architecture");
            else if (project.FindArchitecture(target) == null)
                Add(location, $"{location} names architecture '{target}', which project '{project.Name}' does not have");
        }
    }

    private void CheckConnection(Connection connection)
    {
        PortRef source, target;
        try { (source, target) = (connection.Source, connection.Target); }
        catch (FormatException e) { Add($"connection {connection.From} -> {connection.To}", $"connection {connection.From} -> {connection.To}: {e.Message}"); return; }
        var from = OutputType(source);
        var to = InputType(target);
        if (from.Problem != null || to.Problem != null) { Add($"connection {source} -> {target}", from.Problem ?? to.Problem!); return; }
        if (from.Type != null && to.Type != null && !to.Type.IsAssignableFrom(from.Type))
            Add($"connection {source} -> {target}", $"connection {source} -> {target}: {source} gives {DataTypeNames.Display(from.Type)} but {target} takes {DataTypeNames.Display(to.Type)}");
    }

    private (Type? Type, string? Problem) OutputType(PortRef port)
    {
        var node = pipeline.FindNode(port.Node);
        if (node == null) return (null, $"connection from {port}: pipeline has no node '{port.Node}'");
        if (node.Kind == NodeKind.Output) return (null, $"connection from {port}: Output node '{node.Id}' has no outputs");
        if (node.Kind == NodeKind.Input)
        {
            if (port.Port != PipelineNode.DataPort) return (null, $"connection from {port}: Input node '{node.Id}' has one port, '{PipelineNode.DataPort}'");
            var artifact = inputArtifacts.GetValueOrDefault(node.Id);
            return (artifact == null ? null : catalog.ResolveType(artifact.DataType), null);
        }
        var operation = catalog.Find(node.Operation!)!;
        var index = operation.Descriptor.Outputs.ToList().FindIndex(o => o.Name == port.Port);
        return index < 0
            ? (null, $"connection from {port}: operation '{operation.Name}' has no output '{port.Port}' (outputs: {string.Join(", ", operation.Descriptor.Outputs.Select(o => o.Name))})")
            : (operation.OutputTypes[index], null);
    }

    private (Type? Type, string? Problem) InputType(PortRef port)
    {
        var node = pipeline.FindNode(port.Node);
        if (node == null) return (null, $"connection to {port}: pipeline has no node '{port.Node}'");
        if (node.Kind == NodeKind.Input) return (null, $"connection to {port}: Input node '{node.Id}' takes no inputs");
        if (node.Kind == NodeKind.Output)
            return port.Port == PipelineNode.DataPort ? (typeof(object), null) : (null, $"connection to {port}: Output node '{node.Id}' has one port, '{PipelineNode.DataPort}'");
        var operation = catalog.Find(node.Operation!)!;
        var index = operation.Descriptor.Inputs.ToList().FindIndex(i => i.Name == port.Port);
        return index < 0
            ? (null, $"connection to {port}: operation '{operation.Name}' has no input '{port.Port}' (inputs: {string.Join(", ", operation.Descriptor.Inputs.Select(i => i.Name))})")
            : (operation.InputTypes[index], null);
    }

    private void CheckInputsConnected()
    {
        var connected = pipeline.Connections.Select(c => c.To).GroupBy(t => t).ToDictionary(g => g.Key, g => g.Count());
        foreach (var (port, count) in connected.Where(c => c.Value > 1))
            Add($"port {port}", $"input {port} has {count} connections; an input takes one");
        foreach (var node in pipeline.Nodes)
        {
            var required = node.Kind switch
            {
                NodeKind.Output => [PipelineNode.DataPort],
                NodeKind.Operation => catalog.Find(node.Operation!)!.Descriptor.Inputs.Where(i => !i.Optional).Select(i => i.Name),
                _ => [],
            };
            foreach (var input in required.Where(i => !connected.ContainsKey($"{node.Id}.{i}")))
                Add($"port {node.Id}.{input}", $"node '{node.Id}' input '{input}' is not connected");
        }
    }

    private void Try(Action check)
    {
        try { check(); }
        catch (DeepForgeException e) { _problems.AddRange(e.Problems); }
    }

    private void Add(string location, string message) => _problems.Add(new Problem(location, message));

}
