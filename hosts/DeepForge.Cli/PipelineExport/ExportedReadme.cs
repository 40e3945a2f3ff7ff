using DeepForge.Models;

namespace DeepForge.Cli.PipelineExport;

/// <summary>The README.md of an exported pipeline: how to build and run it, and which inputs it takes.</summary>
internal static class ExportedReadme
{
    public static string Text(ProjectDefinition project, PipelineDefinition pipeline, string version, string? feed)
    {
        var inputs = pipeline.Nodes.Where(n => n.Kind == NodeKind.Input).Select(n => n.Id).ToList();
        var example = string.Join(" ", inputs.Select(i => $"{i}=path/to/file"));
        var inputText = inputs.Count == 0
            ? "The pipeline has no Input nodes."
            : $"Input nodes, each given a file as `node=file`: {string.Join(", ", inputs.Select(i => $"`{i}`"))}.";
        var feedText = feed == null
            ? $"It restores the DeepForge packages {version} from your NuGet sources (a local feed made by DeepForge's `./pack.sh` can be added with `deepforge export ... --feed artifacts/packages`)."
            : $"It restores the DeepForge packages {version} from your NuGet sources and the local feed `{feed}` (see nuget.config).";
        return $"""
            # {project.Name}: {pipeline.Name}

            Pipeline `{pipeline.Name}` of the DeepForge project `{project.Name}`, exported by `deepforge export` as a console
            program that runs it with no server, in a temporary store deleted when it ends. {feedText}

            ```sh
            dotnet build
            dotnet run -- {example} [node.attribute=value]... [--out outputs]
            ```

            {inputText} `node.attribute=value` sets an attribute for this run (a JSON value, or text).
            Each output of every operation is written to `outputs/<node>.<output>` (the data type's stored form, as
            DeepForge keeps it) and printed with its sha256, the hash DeepForge shows for the same output.
            On failure the program prints one line and exits with 1 (the run failed) or 2 (bad input).

            The project is in `seeds/{project.Name}/` in DeepForge's seed layout (pipelines, architectures, C# sources):
            DeepForge compiles the sources when the program starts, so they are not part of this build. Edit them there,
            or make the project in DeepForge from the folder: `deepforge new {project.Name} --from seeds/{project.Name}`.

            """;
    }
}
