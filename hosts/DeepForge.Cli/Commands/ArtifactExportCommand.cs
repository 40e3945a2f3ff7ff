using System.CommandLine;
using DeepForge.Cli.Export;
using DeepForge.Cli.Hosting;

namespace DeepForge.Cli.Commands;

/// <summary><c>deepforge artifacts export PROJECT ARTIFACT --format onnx|pytorch -o FILE [--server URL]</c></summary>
internal static class ArtifactExportCommand
{
    public static Command Create()
    {
        var project = new Argument<string>("project") { Description = "Project name" };
        var artifact = new Argument<string>("artifact") { Description = "Artifact id or name (the newest of that name)" };
        var format = new Option<string>("--format") { Description = "onnx (an ONNX model) or pytorch (a state_dict for load_state_dict)", Required = true };
        format.CompletionSources.Add("onnx", "pytorch");
        var output = new Option<string?>("--output", "-o") { Description = "The file to write, or a folder (default: the artifact's name with the format's extension, here)" };
        var server = ServerOption.Create();
        var command = new Command("export", "Write a model as ONNX or as a PyTorch state_dict, for use outside DeepForge") { project, artifact, format, output, server };
        CliAction.Set(command, async (parse, context, ct) =>
        {
            var (p, a, f, o) = (parse.GetValue(project)!, parse.GetValue(artifact)!, parse.GetValue(format)!, parse.GetValue(output));
            var written = parse.GetValue(server) is { } url
                ? await ArtifactExport.RemoteAsync(url, p, a, f, o, ct)
                : await ArtifactExport.LocalAsync(context.Services, p, a, f, o, ct);
            Console.WriteLine($"Exported {a} as {f} to {written}");
            return CliAction.Ok;
        });
        return command;
    }
}
