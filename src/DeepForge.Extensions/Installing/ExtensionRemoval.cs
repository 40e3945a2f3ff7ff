using DeepForge.Projects;

namespace DeepForge.Extensions;

/// <summary>
/// Removing an extension, for the command and the designer alike: refused while a project's pipelines use
/// its operations (naming the projects, operations and pipelines), else its record and files go.
/// </summary>
internal static class ExtensionRemoval
{
    /// <summary>Removes the extension of that id and returns it; throws <see cref="DeepForgeException"/> when it is not installed or is in use.</summary>
    public static async Task<InstalledExtension> RemoveAsync(string dataDirectory, string settingsDirectory, ProjectService projects, string id, TextWriter output, CancellationToken ct)
    {
        PackageSpec.CheckId(id, $"extensions remove {id}");
        var installed = ExtensionManifest.Read(dataDirectory);
        var extension = installed.FirstOrDefault(e => e.Id.Equals(id, StringComparison.OrdinalIgnoreCase))
            ?? throw new DeepForgeException($"extensions remove {id}", $"'{id}' is not installed (installed: {(installed.Count == 0 ? "none" : string.Join(", ", installed.Select(e => e.Id)))})");
        var operations = ExtensionContents.Read(dataDirectory, extension).Operations.ToHashSet(StringComparer.Ordinal);
        var users = (await projects.ListAsync(ct))
            .Select(p => (Project: p.Name, Uses: p.Pipelines
                .SelectMany(pipeline => pipeline.Nodes.Where(n => n.Operation != null && operations.Contains(n.Operation)).Select(n => (Pipeline: pipeline.Name, Operation: n.Operation!)))
                .ToList()))
            .Where(u => u.Uses.Count > 0)
            .ToList();
        if (users.Count > 0)
            throw new DeepForgeException(users.Select(u => new Problem($"extensions remove {extension.Id}",
                $"project {u.Project} uses its operations {string.Join(", ", u.Uses.Select(x => x.Operation).Distinct())} (pipelines {string.Join(", ", u.Uses.Select(x => x.Pipeline).Distinct())}); change those pipelines or delete the project first")).ToList());
        new ExtensionInstaller(dataDirectory, settingsDirectory, output).Remove(extension);
        return extension;
    }
}
