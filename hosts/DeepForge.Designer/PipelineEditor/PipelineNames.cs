using System.Text.RegularExpressions;
using DeepForge.Models;

namespace DeepForge.Designer.PipelineEditor;

/// <summary>New pipelines: a name that URLs, the command line and the store all take, not yet used in the project.</summary>
internal static partial class PipelineNames
{
    /// <summary>Null when the name may be used for a new pipeline, else why not.</summary>
    public static string? WhyNot(ProjectDefinition project, string name)
    {
        if (!Pattern().IsMatch(name)) return $"'{name}' is not a pipeline name: use letters, digits, '-', '_' and '.', starting with a letter or digit";
        return project.FindPipeline(name) != null ? $"project '{project.Name}' has a pipeline '{name}' already" : null;
    }

    /// <summary>Adds an empty pipeline; refuses a name taken meanwhile by someone else.</summary>
    public static Func<ProjectDefinition, bool> Create(string name) => project =>
    {
        if (WhyNot(project, name) is { } problem) throw new DeepForgeException($"pipeline '{name}'", problem);
        project.Pipelines.Add(new PipelineDefinition { Name = name });
        return true;
    };

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$")]
    private static partial Regex Pattern();
}
