using System.Text.Json;
using System.Text.Json.Nodes;
using DeepForge.Data;
using DeepForge.Models;

namespace DeepForge.Designer.Undo;

/// <summary>A pipeline of the project, by name.</summary>
internal sealed class PipelineScope(string pipeline) : EditScope
{
    public override DocumentShape Shape => DocumentShape.Pipeline;

    public override JsonObject Read(ProjectDefinition project) =>
        JsonSerializer.SerializeToNode(Find(project), Json.Options)!.AsObject();

    public override void Write(ProjectDefinition project, JsonObject document)
    {
        var target = Find(project);
        var written = document.Deserialize<PipelineDefinition>(Json.Options)!;
        (target.Description, target.Nodes, target.Connections) = (written.Description, written.Nodes, written.Connections);
    }

    private PipelineDefinition Find(ProjectDefinition project) =>
        project.FindPipeline(pipeline) ?? throw new DeepForgeException($"pipeline '{pipeline}'", $"project '{project.Name}' has no pipeline '{pipeline}' any more (was it deleted?)");
}
