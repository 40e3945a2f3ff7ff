namespace DeepForge.Designer.Executions;

/// <summary>The designer's addresses the execution pages link to.</summary>
internal static class ExecutionPaths
{
    public static string Project(string project) => "/projects/" + Uri.EscapeDataString(project);

    public static string Pipeline(string project, string pipeline) => $"{Project(project)}/pipelines/{Uri.EscapeDataString(pipeline)}";

    public static string Execution(string id) => "/executions/" + Uri.EscapeDataString(id);

    public static string Compare(string a, string b) => $"/executions/compare?a={Uri.EscapeDataString(a)}&b={Uri.EscapeDataString(b)}";
}
