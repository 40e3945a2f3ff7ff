namespace DeepForge.Designer.Collaboration;

/// <summary>The project a designer address belongs to: every project page lives under <c>projects/{name}</c>.</summary>
internal static class ProjectAddress
{
    /// <summary>The project named by <paramref name="relativePath"/> (as NavigationManager.ToBaseRelativePath gives it), or null.</summary>
    public static string? Of(string relativePath)
    {
        var path = relativePath.Split('?', '#')[0];
        var parts = path.Split('/', StringSplitOptions.RemoveEmptyEntries);
        return parts is ["projects", var name, ..] && name.Length > 0 ? Uri.UnescapeDataString(name) : null;
    }
}
