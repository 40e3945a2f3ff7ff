using System.Text.Json.Nodes;
using DeepForge.Models;

namespace DeepForge.Designer.Undo;

/// <summary>The document an editor shows, found in a project: what its edits are recorded against and undone in.</summary>
internal abstract class EditScope
{
    public abstract DocumentShape Shape { get; }

    /// <summary>The document, as the store writes it.</summary>
    public abstract JsonObject Read(ProjectDefinition project);

    /// <summary>Replaces the document in <paramref name="project"/> by <paramref name="document"/>.</summary>
    public abstract void Write(ProjectDefinition project, JsonObject document);

    public DocumentParts Parts(ProjectDefinition project) => DocumentParts.Of(Read(project), Shape);
}
