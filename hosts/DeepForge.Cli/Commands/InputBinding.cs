using DeepForge.Models;
using DeepForge.Runtime;

namespace DeepForge.Cli.Commands;

/// <summary>
/// Reads <c>--input node=value</c>: a file is uploaded as an artifact, a folder is zipped first, anything else names an artifact.
/// Everything is checked before anything is uploaded: each node is an Input node of the pipeline, each value is a file, a
/// folder or an artifact, and the run as a whole would be accepted; a refused run leaves the project's artifacts as they were.
/// </summary>
internal static class InputBinding
{
    public static async Task BindAsync(DeepForgeEngine engine, string project, string pipeline, IEnumerable<string> inputs, RunOptions options, CancellationToken cancellationToken)
    {
        var given = inputs.Select(Split).ToList();
        var definition = await engine.Projects.GetAsync(project, cancellationToken);
        var graph = definition.FindPipeline(pipeline);
        var artifacts = await engine.Artifacts.ListAsync(project, cancellationToken);
        if (graph != null) CheckAttributeNodes(graph, options);
        var uploads = new Dictionary<string, string>();
        foreach (var (node, value) in given)
        {
            if (graph != null) CheckNode(graph, node, value);
            if (File.Exists(value) || Directory.Exists(value)) uploads[node] = value;
            else if (artifacts.Any(a => a.Id == value || a.Name == value)) options.Inputs[node] = value;
            else throw new DeepForgeException($"--input {node}", $"--input {node}={value}: there is no file or folder {Path.GetFullPath(value)}, and project '{project}' has no artifact of that id or name");
        }
        var problems = await engine.Executions.ValidateAsync(project, pipeline, options, uploads.Keys, cancellationToken);
        if (problems.Count > 0) throw new DeepForgeException(problems);
        foreach (var (node, path) in uploads) options.Inputs[node] = await UploadAsync(engine, project, path, cancellationToken);
    }

    public static (string Node, string Value) Split(string input)
    {
        var equals = input.IndexOf('=');
        if (equals <= 0 || equals == input.Length - 1)
            throw new DeepForgeException($"--input {input}", $"--input {input}: write it as node=artifact or node=path");
        return (input[..equals], input[(equals + 1)..]);
    }

    private static void CheckNode(PipelineDefinition pipeline, string node, string value)
    {
        if (pipeline.FindNode(node) is { Kind: NodeKind.Input }) return;
        var inputs = pipeline.Nodes.Where(n => n.Kind == NodeKind.Input).Select(n => n.Id).ToList();
        throw new DeepForgeException($"--input {node}", $"--input {node}={value}: pipeline '{pipeline.Name}' has no Input node '{node}' ({(inputs.Count == 0 ? "it has no Input nodes" : "Input nodes: " + string.Join(", ", inputs))})");
    }

    // --set names nodes too: said in the command's words here, before the engine would say it in the API's.
    private static void CheckAttributeNodes(PipelineDefinition pipeline, RunOptions options)
    {
        foreach (var node in options.Attributes.Keys.Where(n => pipeline.FindNode(n) == null))
            throw new DeepForgeException($"--set {node}", $"--set {node}.…: pipeline '{pipeline.Name}' has no node '{node}' (nodes: {string.Join(", ", pipeline.Nodes.Select(n => n.Id))})");
    }

    private static async Task<string> UploadAsync(DeepForgeEngine engine, string project, string value, CancellationToken cancellationToken)
    {
        if (File.Exists(value))
            return (await engine.Artifacts.UploadFileAsync(project, Path.GetFileName(value), value, cancellationToken)).Id;
        var zip = Path.Combine(Path.GetTempPath(), $"deepforge-{Guid.NewGuid():n}.zip");
        try
        {
            System.IO.Compression.ZipFile.CreateFromDirectory(value, zip);
            return (await engine.Artifacts.UploadFileAsync(project, Path.GetFileName(Path.TrimEndingDirectorySeparator(value)) + ".zip", zip, cancellationToken)).Id;
        }
        finally
        {
            File.Delete(zip);
        }
    }
}
