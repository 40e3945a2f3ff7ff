using System.Text.Json;
using DeepForge.Integration.Tests.Infrastructure;

namespace DeepForge.Integration.Tests.Bench;

/// <summary>
/// <c>deepforge bench</c> from <c>./deepforge</c>: the benchmarks live in DeepForge.Benchmarks.dll beside the command, which loads
/// them when asked for bench. Small sizes: these check that each runs and prints its one JSON line, never how fast.
/// </summary>
public sealed class BenchTests : IDisposable
{
    private readonly TempFolder _temp = new();
    private readonly Cli _cli;

    public BenchTests() => _cli = new Cli(_temp["data"]);

    [Fact]
    public void Engine_PrintsOneJsonLine_WithItsFiguresPerOperation()
    {
        var result = CliAssert.Succeeded(_cli.Run("bench", "engine", "--nodes", "20", "--json"));

        var figures = OneJsonLine(result);
        Assert.Equal("engine", figures.GetProperty("benchmark").GetString());
        Assert.Equal(20, figures.GetProperty("nodes").GetInt32());
        Assert.True(figures.GetProperty("chainMsPerOperation").GetDouble() > 0, result.ToString());
        Assert.True(figures.GetProperty("wideMsPerOperation").GetDouble() > 0, result.ToString());
    }

    [Fact]
    public void Dispatch_RunsEveryJobOnItsWorkerProcesses_InWarmProcessesInProcessAndInColdProcesses()
    {
        // A worker process (`bench worker`) runs the in-process jobs; its jobs' child processes (`bench job-exec`, warm or started per job) the others.
        var result = CliAssert.Succeeded(_cli.Run("bench", "dispatch", "--workers", "1", "--jobs", "6", "--slots", "2", "--in-process-jobs", "4", "--cold-jobs", "2", "--json"));

        var figures = OneJsonLine(result);
        Assert.Equal(6, figures.GetProperty("jobsPerWorker").EnumerateArray().Sum(j => j.GetInt32()));
        Assert.Equal(4, figures.GetProperty("inProcessJobsPerWorker").EnumerateArray().Sum(j => j.GetInt32()));
        Assert.Equal(2, figures.GetProperty("coldProcessJobsPerWorker").EnumerateArray().Sum(j => j.GetInt32()));
    }

    [Fact]
    public void Dispatch_WithNoWorkers_IsRefusedInOneLine()
    {
        OneLineError.Assert(_cli.Run("bench", "dispatch", "--workers", "0", "--json"), 2, "--workers");
    }

    [Fact]
    public void Bench_SaysTheBenchmarksAreMissing_WhenTheyAreNotBesideTheCommand()
    {
        var bare = new Cli(_temp["data"], CommandWithoutBenchmarks());

        var line = OneLineError.Assert(bare.Run("bench", "engine", "--nodes", "20", "--json"), 1, "DeepForge.Benchmarks.dll");

        Assert.Contains("./deepforge bench", line);
    }

    [Fact]
    public void OtherCommands_Run_WithoutTheBenchmarks()
    {
        var bare = new Cli(_temp["data"], CommandWithoutBenchmarks());

        var result = CliAssert.Succeeded(bare.Run("extensions", "list", "--json"));

        Assert.Equal("[]", result.Stdout.Trim());
    }

    public void Dispose() => _temp.Dispose();

    private static JsonElement OneJsonLine(CliResult result)
    {
        Assert.True(result.StdoutLines.Length == 1, $"expected one line on stdout\n{result}");
        return JsonDocument.Parse(result.StdoutLines[0]).RootElement;
    }

    // The command's folder as the installed tool has it: every file (hard links, so no copy of libtorch), but no benchmarks.
    private string CommandWithoutBenchmarks()
    {
        var folder = _temp["cli"];
        var copy = System.Diagnostics.Process.Start("cp", ["-al", Path.GetDirectoryName(CliBuild.EnsureBuilt())!, folder])!;
        copy.WaitForExit();
        Assert.Equal(0, copy.ExitCode);
        File.Delete(Path.Combine(folder, "DeepForge.Benchmarks.dll"));
        return Path.Combine(folder, "deepforge.dll");
    }
}
