using System.Diagnostics;

namespace DeepForge.Integration.Tests.Infrastructure;

/// <summary>
/// Makes sure artifacts/cli/deepforge.dll exists: when it is missing, runs <c>./deepforge --version</c>
/// once (the script publishes the command ReadyToRun: from scratch that took 12.6 minutes on a loaded 2-core machine, 3 without
/// ReadyToRun), under a lock so parallel tests build it only once.
/// </summary>
internal static class CliBuild
{
    private static readonly Lock Gate = new();
    private static bool _ready;

    public static string EnsureBuilt()
    {
        lock (Gate)
        {
            if (_ready || File.Exists(Repository.CliDll)) { _ready = true; return Repository.CliDll; }
            var start = new ProcessStartInfo(Path.Combine(Repository.Root, "deepforge"), "--version")
            {
                RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = Repository.Root,
            };
            using var process = Process.Start(start)!;
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            if (!process.WaitForExit(TimeSpan.FromMinutes(20)))
            {
                process.Kill(entireProcessTree: true);
                throw new TimeoutException("./deepforge --version did not finish building the command within 20 minutes");
            }
            if (process.ExitCode != 0 || !File.Exists(Repository.CliDll))
                throw new InvalidOperationException($"./deepforge --version failed ({process.ExitCode}):\n{stdout.Result}\n{stderr.Result}");
            _ready = true;
            return Repository.CliDll;
        }
    }
}
