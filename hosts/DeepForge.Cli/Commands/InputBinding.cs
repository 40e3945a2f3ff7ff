using DeepForge.Runtime;

namespace DeepForge.Cli.Commands;

/// <summary>Reads <c>--input node=value</c>: a file is uploaded as an artifact, a folder is zipped first, anything else names an artifact.</summary>
internal static class InputBinding
{
    public static async Task BindAsync(DeepForgeEngine engine, string project, IEnumerable<string> inputs, RunOptions options, CancellationToken cancellationToken)
    {
        foreach (var input in inputs)
        {
            var (node, value) = Split(input);
            options.Inputs[node] = await ResolveAsync(engine, project, value, cancellationToken);
        }
    }

    public static (string Node, string Value) Split(string input)
    {
        var equals = input.IndexOf('=');
        if (equals <= 0 || equals == input.Length - 1)
            throw new DeepForgeException($"--input {input}", $"--input {input}: write it as node=artifact or node=path");
        return (input[..equals], input[(equals + 1)..]);
    }

    private static async Task<string> ResolveAsync(DeepForgeEngine engine, string project, string value, CancellationToken cancellationToken)
    {
        if (File.Exists(value))
            return (await engine.Artifacts.UploadFileAsync(project, Path.GetFileName(value), value, cancellationToken)).Id;
        if (!Directory.Exists(value)) return value;
        var zip = Path.Combine(Path.GetTempPath(), $"deepforge-{Guid.NewGuid():n}.zip");
        try
        {
            System.IO.Compression.ZipFile.CreateFromDirectory(value, zip);
            return (await engine.Artifacts.UploadFileAsync(project, Path.GetFileName(Path.TrimEndingDirectorySeparator(value)) + ".zip", zip, cancellationToken)).Id;
        }
        finally
        {
            File.Delete(zip);
        }
    }
}
