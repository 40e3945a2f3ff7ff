namespace DeepForge.Projects;

/// <summary>Who a project write is recorded as made by when no signed-in person makes it.</summary>
public static class ProjectEditors
{
    /// <summary>The user running this process (commands on a local data folder), or <c>local</c> when the system names none.</summary>
    public static string Local => string.IsNullOrWhiteSpace(Environment.UserName) ? "local" : Environment.UserName;
}
