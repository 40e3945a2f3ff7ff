using DeepForge.Cli.Remote;
using DeepForge.Export;
using Microsoft.Extensions.DependencyInjection;

namespace DeepForge.Cli.Export;

/// <summary>
/// <c>deepforge artifacts export</c>: writes an artifact in another format, from this machine's data folder or a server.
/// The file is written beside its target and moved into place at the end, so a refused export leaves nothing behind
/// and never half-overwrites a file that was there. Without <c>-o</c>, or with a folder, the file is named after the artifact.
/// </summary>
internal static class ArtifactExport
{
    public static async Task<string> LocalAsync(IServiceProvider services, string project, string artifact, string format, string? output, CancellationToken cancellationToken)
    {
        await services.GetRequiredService<DeepForgeEngine>().Projects.GetAsync(project, cancellationToken);
        var exports = services.GetRequiredService<ExportService>();
        var found = await exports.FindAsync(project, artifact, cancellationToken) ?? throw NoArtifact(project, artifact);
        var target = Target(output, exports.FileNameFor(found, format));
        var temporary = await WriteTemporaryAsync(target, output, (stream, ct) => exports.ExportAsync(found, format, stream, ct), cancellationToken);
        return Move(temporary, target);
    }

    public static async Task<string> RemoteAsync(string server, string project, string artifact, string format, string? output, CancellationToken cancellationToken)
    {
        using var client = new ServerClient(server);
        string? suggested = null;
        var folder = Folder(output);
        var temporary = await WriteTemporaryAsync(Path.Combine(folder, "export"), output,
            async (stream, ct) => suggested = await client.ExportAsync(project, artifact, format, stream, ct), cancellationToken);
        // The server's name is used as a file name only: any folder part is cut away.
        var name = Path.GetFileName(suggested ?? "") is { Length: > 0 } given ? given : $"{artifact}.{format}";
        return Move(temporary, Target(output, name));
    }

    private static string Target(string? output, string name) =>
        output == null ? Path.GetFullPath(name) : Directory.Exists(output) ? Path.GetFullPath(Path.Combine(output, name)) : Path.GetFullPath(output);

    private static string Folder(string? output) =>
        output == null ? Directory.GetCurrentDirectory() : Directory.Exists(output) ? Path.GetFullPath(output) : Path.GetDirectoryName(Path.GetFullPath(output))!;

    private static async Task<string> WriteTemporaryAsync(string target, string? output, Func<Stream, CancellationToken, Task> write, CancellationToken cancellationToken)
    {
        var folder = Path.GetDirectoryName(target)!;
        if (!Directory.Exists(folder)) throw new DeepForgeException("-o", $"-o {output}: there is no folder {folder}; create it first");
        var temporary = Path.Combine(folder, $".deepforge-export-{Guid.NewGuid():n}.tmp");
        try
        {
            await using (var file = File.Create(temporary)) await write(file, cancellationToken);
            return temporary;
        }
        catch
        {
            File.Delete(temporary);
            throw;
        }
    }

    private static string Move(string temporary, string target)
    {
        File.Move(temporary, target, overwrite: true);
        return target;
    }

    private static DeepForgeException NoArtifact(string project, string artifact) =>
        new($"project '{project}'", $"project '{project}' has no artifact '{artifact}'; 'deepforge artifacts {project}' lists them");
}
