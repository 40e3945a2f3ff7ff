using System.Text.Json;
using DeepForge.Models;

namespace DeepForge.Designer.ArchitectureEditor;

/// <summary>
/// Finds and edits the architecture an editor shows: a project architecture, or one nested in a
/// module-typed attribute of its layers (inline, or naming another architecture of the project).
/// </summary>
internal static class ArchitecturePath
{
    /// <summary>The architecture at <paramref name="path"/> below <paramref name="root"/>; a nested one not yet given is empty.</summary>
    public static ArchitectureDefinition Resolve(ProjectDefinition project, string root, IReadOnlyList<NestedStep> path)
    {
        ArchitectureDefinition? found = null;
        Edit(project, root, path, definition => { found = definition; return false; });
        return found!;
    }

    /// <summary>
    /// Runs <paramref name="edit"/> on the architecture at <paramref name="path"/>; when it reports a change,
    /// an inline nested architecture is written back into its layer's attribute.
    /// </summary>
    public static bool Edit(ProjectDefinition project, string root, IReadOnlyList<NestedStep> path, Func<ArchitectureDefinition, bool> edit)
    {
        var architecture = project.FindArchitecture(root)
            ?? throw new DeepForgeException($"architecture '{root}'", $"project '{project.Name}' has no architecture '{root}'");
        return EditWithin(project, architecture, path, 0, edit);
    }

    private static bool EditWithin(ProjectDefinition project, ArchitectureDefinition architecture, IReadOnlyList<NestedStep> path, int index, Func<ArchitectureDefinition, bool> edit)
    {
        if (index == path.Count) return edit(architecture);
        var step = path[index];
        var where = $"layer '{step.Layer}' of architecture '{architecture.Name}'";
        var layer = architecture.Layers.FirstOrDefault(l => l.Id == step.Layer)
            ?? throw new DeepForgeException(where, $"architecture '{architecture.Name}' no longer has layer '{step.Layer}'");
        if (layer.Attributes.TryGetValue(step.Attribute, out var value) && value.ValueKind == JsonValueKind.String)
        {
            // A name points at another architecture of the project: edits go there, for every layer that names it.
            var name = value.GetString()!;
            var named = project.FindArchitecture(name)
                ?? throw new DeepForgeException(where, $"{where}: attribute '{step.Attribute}' names architecture '{name}', which the project does not have");
            return EditWithin(project, named, path, index + 1, edit);
        }
        var nested = value.ValueKind == JsonValueKind.Object
            ? ArchitectureJson.Read(value, $"{where}, attribute '{step.Attribute}'")
            : new ArchitectureDefinition { Name = $"{step.Layer}.{step.Attribute}" };
        if (!EditWithin(project, nested, path, index + 1, edit)) return false;
        layer.Attributes[step.Attribute] = ArchitectureJson.Write(nested);
        return true;
    }
}
