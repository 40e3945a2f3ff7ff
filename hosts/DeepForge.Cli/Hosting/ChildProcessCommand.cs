namespace DeepForge.Cli.Hosting;

/// <summary>How a worker starts a job's child process: this same command with the hidden <c>job-exec</c> verb.</summary>
internal static class ChildProcessCommand
{
    public static IEnumerable<string> Current()
    {
        var process = Environment.ProcessPath ?? throw new InvalidOperationException("the path of this process is unknown");
        // Run as `dotnet deepforge.dll` the host is dotnet and needs the assembly; as an app host it is the command itself.
        return Path.GetFileNameWithoutExtension(process) == "dotnet"
            ? [process, typeof(CliApp).Assembly.Location, "job-exec"]
            : [process, "job-exec"];
    }
}
