using System.CommandLine;
using DeepForge.Cli.Hosting;
using DeepForge.Cli.PipelineExport;
using DeepForge.Cli.Tool;

namespace DeepForge.Cli.Commands;

/// <summary><c>deepforge export &lt;project&gt; &lt;pipeline&gt; -o DIR</c>: a pipeline as a console project of its own.</summary>
internal static class ExportCommand
{
    public static Command Create()
    {
        var project = new Argument<string>("project") { Description = "Project name" };
        var pipeline = new Argument<string>("pipeline") { Description = "Pipeline name" };
        var output = new Option<string>("--output", "-o") { Description = "Folder to write: new or empty", Required = true };
        var version = new Option<string?>("--version") { Description = "Version of the DeepForge packages it references (default: this deepforge's)" };
        var feed = new Option<string?>("--feed") { Description = "A folder of DeepForge packages (./pack.sh's artifacts/packages) to restore from, written to its nuget.config" };
        var command = new Command("export", "Write a pipeline as a .NET console project that runs it with no server (local projects only)") { project, pipeline, output, version, feed };
        CliAction.Set(command, async (parse, context, ct) =>
        {
            var stored = await context.Engine.Projects.GetAsync(parse.GetValue(project)!, ct);
            var target = parse.GetValue(output)!;
            var written = PipelineExporter.Write(stored, parse.GetValue(pipeline)!, target, parse.GetValue(version) ?? ToolVersion.Current, parse.GetValue(feed));
            Console.WriteLine($"Exported {stored.Name}/{parse.GetValue(pipeline)} into {target}: {written.Count} files. Build and run it as its README.md says: cd {target} && dotnet run");
            return CliAction.Ok;
        });
        return command;
    }
}
