using System.Diagnostics;

namespace DeepForge.Torch.Tests.Export;

/// <summary>A Python that imports torch (Debian's python3-torch installs into /usr/bin/python3), or why there is none.</summary>
internal static class PythonTorch
{
    private static readonly Lazy<(string? Python, string Why)> Found = new(Find);

    public static string? Python => Found.Value.Python;

    public static string WhyMissing => Found.Value.Why;

    private static (string?, string) Find()
    {
        foreach (var python in new[] { "python3", "/usr/bin/python3" })
        {
            var (exit, _) = Run(python, ["-c", "import torch"]);
            if (exit == 0) return (python, "");
        }
        return (null, "no python3 here imports torch; install Debian's python3-torch to run it");
    }

    /// <summary>Runs a program to its end; exit code -1 when it could not start.</summary>
    public static (int Exit, string Output) Run(string program, IEnumerable<string> arguments)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        try
        {
            using var process = Process.Start(start)!;
            var output = process.StandardOutput.ReadToEndAsync();
            var error = process.StandardError.ReadToEndAsync();
            process.WaitForExit();
            return (process.ExitCode, output.Result + error.Result);
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return (-1, $"{program} is not installed");
        }
    }
}
