using DeepForge.Models;
using DeepForge.Projects;
using NuGet.Versioning;

namespace DeepForge.Cli.PipelineExport;

/// <summary>
/// <c>deepforge export</c>: writes a pipeline as a console project. Everything is checked before anything is written,
/// and the files go to a new folder that is moved into place at the end, so a refused or failed export leaves nothing.
/// </summary>
internal static class PipelineExporter
{
    /// <summary>The files written, relative to <paramref name="directory"/>.</summary>
    public static IReadOnlyList<string> Write(ProjectDefinition project, string pipelineName, string directory, string version, string? feed)
    {
        var pipeline = project.FindPipeline(pipelineName) ?? throw new DeepForgeException($"pipeline '{pipelineName}'",
            $"project '{project.Name}' has no pipeline '{pipelineName}' (pipelines: {string.Join(", ", project.Pipelines.Select(p => p.Name))})");
        CheckVersion(version);
        var feedPath = feed == null ? null : CheckFeed(feed);
        var target = Path.GetFullPath(directory);
        if (File.Exists(target)) throw new DeepForgeException("-o", $"-o {directory}: that is a file; name a new or empty folder");
        if (Directory.Exists(target) && Directory.EnumerateFileSystemEntries(target).Any())
            throw new DeepForgeException("-o", $"-o {directory}: the folder is not empty; name a new or empty folder");
        var parent = Path.GetDirectoryName(target)!;
        Directory.CreateDirectory(parent);
        var staging = Path.Combine(parent, $".deepforge-export-{Guid.NewGuid():n}");
        try
        {
            var written = WriteFiles(project, pipeline, staging, version, feedPath);
            if (Directory.Exists(target)) Directory.Delete(target);
            Directory.Move(staging, target);
            return written;
        }
        finally
        {
            if (Directory.Exists(staging)) Directory.Delete(staging, recursive: true);
        }
    }

    private static List<string> WriteFiles(ProjectDefinition project, PipelineDefinition pipeline, string directory, string version, string? feed)
    {
        var torch = ExportedProject.NeedsTorch(project);
        var seed = Path.Combine(directory, "seeds", project.Name);
        // The seed layout the engine reads: the same pipelines, architectures and sources that pull writes.
        ProjectFolder.Save(project, seed);
        var written = Directory.EnumerateFiles(seed, "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(directory, f)).ToList();
        void Put(string relative, string text)
        {
            File.WriteAllText(Path.Combine(directory, relative), text);
            written.Add(relative);
        }
        Put($"{project.Name}-{pipeline.Name}.csproj", ExportedProject.Csproj(version, torch));
        Put("Program.cs", ExportedProgram.Text(project.Name, pipeline.Name, torch));
        Put("README.md", ExportedReadme.Text(project, pipeline, version, feed));
        Put(".gitignore", "bin/\nobj/\noutputs/\n");
        if (feed != null) Put("nuget.config", ExportedProject.NugetConfig(feed));
        return written;
    }

    private static void CheckVersion(string version)
    {
        if (!NuGetVersion.TryParse(version, out _))
            throw new DeepForgeException("--version", $"--version {version}: not a package version; write it like 0.1.0 or 1.2.0-preview.1");
    }

    private static string CheckFeed(string feed)
    {
        var path = Path.GetFullPath(feed);
        if (!Directory.Exists(path))
            throw new DeepForgeException("--feed", $"--feed {feed}: there is no folder {path}; give the folder of .nupkg files (./pack.sh writes artifacts/packages)");
        return path;
    }
}
