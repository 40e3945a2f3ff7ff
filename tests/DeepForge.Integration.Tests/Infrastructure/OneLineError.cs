namespace DeepForge.Integration.Tests.Infrastructure;

/// <summary>An error a person caused: the exit code asked for, one line on stderr naming the place, and no stack frame anywhere.</summary>
internal static class OneLineError
{
    public static string Assert(CliResult result, int exitCode, string mentions)
    {
        Xunit.Assert.True(result.ExitCode == exitCode, $"expected exit {exitCode}\n{result}");
        var lines = result.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Xunit.Assert.True(lines.Length == 1, $"expected one line on stderr\n{result}");
        Xunit.Assert.StartsWith("error: ", lines[0]);
        Xunit.Assert.Contains(mentions, lines[0]);
        Xunit.Assert.DoesNotContain("   at ", result.Stderr + result.Stdout);
        Xunit.Assert.DoesNotContain("Unhandled exception", result.Stderr + result.Stdout);
        return lines[0];
    }
}
