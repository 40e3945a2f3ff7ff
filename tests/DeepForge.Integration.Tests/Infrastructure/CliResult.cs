namespace DeepForge.Integration.Tests.Infrastructure;

/// <summary>What one run of the command gave back.</summary>
internal sealed record CliResult(string[] Arguments, int ExitCode, string Stdout, string Stderr)
{
    public string[] StdoutLines => Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.TrimEnd('\r')).ToArray();

    /// <summary>Everything about the run, for assertion messages.</summary>
    public override string ToString() =>
        $"deepforge {string.Join(' ', Arguments)} -> exit {ExitCode}\n--- stdout ---\n{Stdout}\n--- stderr ---\n{Stderr}";
}
