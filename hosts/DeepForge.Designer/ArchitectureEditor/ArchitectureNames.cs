using System.Text.RegularExpressions;
using DeepForge.Models;

namespace DeepForge.Designer.ArchitectureEditor;

/// <summary>Checks and adds a new, empty architecture (its name is also its file name when a project is saved as files).</summary>
internal static partial class ArchitectureNames
{
    public static string? Problem(string name, ProjectDefinition project)
    {
        if (string.IsNullOrWhiteSpace(name)) return "give the new architecture a name, e.g. mlp";
        if (!Pattern().IsMatch(name)) return $"'{name}' is not an architecture name: use letters, digits, '-', '_' and '.', starting with a letter or digit";
        return project.FindArchitecture(name) != null ? $"project '{project.Name}' already has an architecture '{name}'" : null;
    }

    /// <summary>Adds the architecture with a one-sample input shape to start from; refuses a name taken meanwhile.</summary>
    public static bool Add(ProjectDefinition project, string name)
    {
        if (Problem(name, project) is { } problem) throw new DeepForgeException($"architecture '{name}'", problem);
        project.Architectures.Add(new ArchitectureDefinition { Name = name, InputShape = [1, 28, 28] });
        return true;
    }

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$")]
    private static partial Regex Pattern();
}
