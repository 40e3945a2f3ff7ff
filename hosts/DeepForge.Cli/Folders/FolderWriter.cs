using System.Text.Encodings.Web;
using System.Text.Json;
using DeepForge.Data;
using DeepForge.Models;

namespace DeepForge.Cli.Folders;

/// <summary>
/// Writes a project as a folder in the seed layout (<c>project.json</c>, <c>pipelines/*.json</c>,
/// <c>architectures/*.json</c>, its sources at their paths), with the IDE project and the pull record.
/// </summary>
internal static class FolderWriter
{
    /// <summary>The files written, relative to <paramref name="directory"/>.</summary>
    public static IReadOnlyList<string> Write(ProjectDefinition project, string directory)
    {
        var written = new List<string>();
        void Put(string relative, string text)
        {
            var path = Path.Combine(directory, relative);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, text);
            written.Add(relative);
        }
        Put(FolderManifest.FileName, Serialize(new FolderManifest { Description = project.Description, Seed = project.Seed }));
        foreach (var pipeline in project.Pipelines) Put($"pipelines/{pipeline.Name}.json", Serialize(pipeline));
        foreach (var architecture in project.Architectures) Put($"architectures/{architecture.Name}.json", Serialize(architecture));
        // Stored projects passed ProjectShape, so every source path stays inside the folder.
        foreach (var source in project.Sources) Put(source.Path, source.Text);
        Put(IdeProject.FileName(project.Name), IdeProject.Text());
        // Building the IDE project leaves bin/ and obj/, which push skips and git should too.
        if (!File.Exists(Path.Combine(directory, ".gitignore"))) Put(".gitignore", "bin/\nobj/\n");
        new PulledRecord(project.Name, project.Version).Write(directory);
        return written;
    }

    /// <summary>True when the folder holds files that a pull would mix with, so it should not be written into.</summary>
    public static bool HasOtherContent(string directory, string project) =>
        Directory.Exists(directory) && Directory.EnumerateFileSystemEntries(directory).Any()
        && PulledRecord.Read(directory)?.Project != project;

    // Files people read and diff: "Debian's", not "Debian\u0027s".
    private static readonly JsonSerializerOptions Readable = new(Json.Indented) { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static string Serialize<T>(T value) => JsonSerializer.Serialize(value, Readable) + "\n";
}
