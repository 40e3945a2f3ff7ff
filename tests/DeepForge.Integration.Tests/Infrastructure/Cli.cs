using System.Diagnostics;

namespace DeepForge.Integration.Tests.Infrastructure;

/// <summary>
/// Runs <c>dotnet artifacts/cli/deepforge.dll ...</c> as a separate process against one data folder,
/// with none of the caller's DeepForge settings leaking in. The data folder need not exist yet: the command makes it.
/// <paramref name="dll"/> runs another copy of the command instead (one without its benchmarks, say).
/// </summary>
internal sealed class Cli(string dataDirectory, string? dll = null)
{
    private static readonly string[] Inherited = ["DEEPFORGE_DATA_DIR", "DEEPFORGE_BLOB_DIR", "DEEPFORGE_WORKER_DIR", "DEEPFORGE_WORKER_CACHE", "DEEPFORGE_WORKER_USE_BLOB", "DEEPFORGE_WORKER_TOKEN", "DEEPFORGE_LEASE_SECONDS", "DEEPFORGE_STORE", "MONGO_URI", "DEEPFORGE_TORCH_DIR"];

    public string DataDirectory { get; } = dataDirectory;

    /// <summary>Environment variables set for every process this starts.</summary>
    public Dictionary<string, string> Environment { get; } = new();

    /// <summary>Runs the command to its end (at most <paramref name="timeout"/>, five minutes by default).</summary>
    public CliResult Run(params string[] arguments) => Run(TimeSpan.FromMinutes(5), arguments);

    public CliResult Run(TimeSpan timeout, params string[] arguments)
    {
        using var process = Start(arguments);
        return process.WaitForExit(timeout);
    }

    /// <summary>Runs the command to its end with <paramref name="input"/> on its standard input (e.g. a password for --password-stdin).</summary>
    public CliResult RunWithInput(string input, params string[] arguments)
    {
        using var process = new BackgroundCli(StartInfo(arguments), arguments, input);
        return process.WaitForExit(TimeSpan.FromMinutes(5));
    }

    /// <summary>Adds a person with <paramref name="role"/> and <see cref="Password"/> to this data folder, as 'deepforge users add' does.</summary>
    public void AddPerson(string name, string role) =>
        CliAssert.Succeeded(RunWithInput(Password + "\n", "users", "add", name, "--role", role, "--password-stdin"));

    /// <summary>The password of everyone the tests add.</summary>
    public const string Password = "integration-tests-password";

    /// <summary>Starts the command in the background.</summary>
    public BackgroundCli Start(params string[] arguments) => new(StartInfo(arguments), arguments);

    private ProcessStartInfo StartInfo(string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true, RedirectStandardError = true, RedirectStandardInput = true,
            UseShellExecute = false, WorkingDirectory = System.IO.Path.GetDirectoryName(DataDirectory)!,
        };
        start.ArgumentList.Add(dll ?? CliBuild.EnsureBuilt());
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        foreach (var name in Inherited) start.Environment.Remove(name);
        start.Environment["DEEPFORGE_DATA_DIR"] = DataDirectory;
        start.Environment["NO_COLOR"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        foreach (var (name, value) in Environment) start.Environment[name] = value;
        return start;
    }
}
