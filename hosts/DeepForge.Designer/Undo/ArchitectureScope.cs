using System.Text.Json;
using System.Text.Json.Nodes;
using DeepForge.Data;
using DeepForge.Designer.ArchitectureEditor;
using DeepForge.Models;

namespace DeepForge.Designer.Undo;

/// <summary>An architecture of the project, or one nested below it (the path is kept as it was when the edit was made).</summary>
internal sealed class ArchitectureScope(string root, IReadOnlyList<NestedStep> path) : EditScope
{
    private readonly IReadOnlyList<NestedStep> _path = path.ToList();

    public override DocumentShape Shape => DocumentShape.Architecture;

    public override JsonObject Read(ProjectDefinition project) =>
        JsonSerializer.SerializeToNode(ArchitecturePath.Resolve(project, root, _path), Json.Options)!.AsObject();

    public override void Write(ProjectDefinition project, JsonObject document)
    {
        var written = document.Deserialize<ArchitectureDefinition>(Json.Options)!;
        ArchitecturePath.Edit(project, root, _path, a =>
        {
            (a.InputShape, a.Layers, a.Connections) = (written.InputShape, written.Layers, written.Connections);
            return true;
        });
    }
}
