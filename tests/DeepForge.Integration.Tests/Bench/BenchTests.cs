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
    public void Feedback_PrintsHowLongEachPointTookToTheOpenPage_WithEveryPointDrawn()
    {
        var result = CliAssert.Succeeded(_cli.Run(TimeSpan.FromMinutes(5), "bench", "feedback", "--points", "5", "--interval-ms", "100", "--json"));

        var figures = OneJsonLine(result);
        Assert.Equal(("feedback", "sqlite"), (figures.GetProperty("benchmark").GetString(), figures.GetProperty("store").GetString()));
        Assert.Equal((5, 0), (figures.GetProperty("drawn").GetInt32(), figures.GetProperty("missed").GetInt32()));
        Assert.True(figures.GetProperty("p95Ms").GetDouble() >= figures.GetProperty("p50Ms").GetDouble(), result.ToString());
    }

    [Fact]
    public void Feedback_WithNoPoints_IsRefusedInOneLine()
    {
        OneLineError.Assert(_cli.Run("bench", "feedback", "--points", "0", "--json"), 2, "--points");
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
    public void Dispatch_GivesTheStartLatency_FromLeaseToTheOperationRunning_OfEachWay()
    {
        var result = CliAssert.Succeeded(_cli.Run("bench", "dispatch", "--workers", "1", "--jobs", "4", "--slots", "2", "--in-process-jobs", "2", "--cold-jobs", "2", "--json"));

        var figures = OneJsonLine(result);
        // Beside the headline, not instead of it; no figure is judged, only that each was measured (a lease comes before its operation runs).
        Assert.True(figures.GetProperty("msPerJob").GetDouble() > 0, result.ToString());
        foreach (var prefix in new[] { "start", "idleStart", "inProcessStart", "inProcessIdleStart", "coldProcessStart", "coldProcessIdleStart" })
        {
            var median = figures.GetProperty(prefix + "MsMedian").GetDouble();
            var p95 = figures.GetProperty(prefix + "MsP95").GetDouble();
            Assert.True(median > 0 && p95 >= median, $"{prefix}: median {median}, p95 {p95}\n{result}");
        }
    }

    [Fact]
    public void Dispatch_GivesCpuPerJob_OfTheServerTheWorkersAndTheJobProcesses()
    {
        var result = CliAssert.Succeeded(_cli.Run("bench", "dispatch", "--workers", "1", "--jobs", "4", "--slots", "2", "--in-process-jobs", "4", "--cold-jobs", "0", "--json"));

        var figures = OneJsonLine(result);
        var warm = figures.GetProperty("cpuMsPerJob");
        double Ms(JsonElement cpu, string part) => cpu.GetProperty(part).GetDouble();
        // A job process runs a .NET runtime: it costs CPU whatever the machine; jobs in the worker's own process start none.
        Assert.True(Ms(warm, "jobProcessesMsPerJob") > 0, result.ToString());
        Assert.Equal(0, Ms(figures.GetProperty("inProcessCpuMsPerJob"), "jobProcessesMsPerJob"));
        Assert.Equal(Ms(warm, "serverMsPerJob") + Ms(warm, "workersMsPerJob") + Ms(warm, "jobProcessesMsPerJob"), Ms(warm, "totalMsPerJob"), 2);
    }

    [Fact]
    public void Dispatch_WithTwoServersOnOneStore_RunsJobsThroughBothServersWorkers()
    {
        // Two servers on one SQLite file and blob folder, a worker on each: the run is started on the first server.
        var result = CliAssert.Succeeded(_cli.Run("bench", "dispatch", "--servers", "2", "--workers", "2", "--jobs", "8", "--slots", "2",
            "--in-process-jobs", "0", "--cold-jobs", "0", "--json"));

        var figures = OneJsonLine(result);
        Assert.Equal((2, "sqlite"), (figures.GetProperty("servers").GetInt32(), figures.GetProperty("store").GetString()));
        var perWorker = figures.GetProperty("jobsPerWorker").EnumerateArray().Select(j => j.GetInt32()).ToList();
        Assert.Equal(8, perWorker.Sum());
    }

    [Fact]
    public void Dispatch_WithNoServers_IsRefusedInOneLine()
    {
        OneLineError.Assert(_cli.Run("bench", "dispatch", "--servers", "0", "--json"), 2, "--servers");
    }

    [Fact]
    public void Dispatch_WithNoWorkers_IsRefusedInOneLine()
    {
        OneLineError.Assert(_cli.Run("bench", "dispatch", "--workers", "0", "--json"), 2, "--workers");
    }

    [Fact]
    public void Soak_PrintsItsSamplesAndFiniteSlopes_WithTheWorkerCacheUnderItsCap()
    {
        // A server process and a worker process; 4 warm-up and 16 measured edits saved and 10 runs, each run's text passing through the worker's cache.
        var result = CliAssert.Succeeded(_cli.Run(TimeSpan.FromMinutes(10), "bench", "soak", "--warmup-edits", "4", "--edits", "16", "--runs", "10", "--samples", "5",
            "--blob-bytes", "300000", "--worker-cache-max-bytes", "1000000", "--json"));

        var figures = OneJsonLine(result);
        Assert.Equal((20, 4), (figures.GetProperty("edits").GetInt32(), figures.GetProperty("warmupEdits").GetInt32()));
        var samples = figures.GetProperty("samples").EnumerateArray().ToList();
        Assert.Equal(1 + 5 + 5, figures.GetProperty("sampleCount").GetInt32());
        Assert.Equal(figures.GetProperty("sampleCount").GetInt32(), samples.Count);
        Assert.Equal((20, 10), (samples[^1].GetProperty("edits").GetInt32(), samples[^1].GetProperty("runs").GetInt32()));
        Assert.All(samples, s => Assert.True(s.GetProperty("serverRssMb").GetDouble() > 0, s.ToString()));
        Assert.True(double.IsFinite(figures.GetProperty("memoryMbPerEdit").GetDouble()), result.ToString());
        Assert.True(double.IsFinite(figures.GetProperty("memoryMbPerRun").GetDouble()), result.ToString());
        Assert.True(figures.GetProperty("storeBytes").GetInt64() > 0, result.ToString());
        // Ten texts of 300 kB went through a cache capped at 1 MB: it evicted, and never held more than the cap.
        Assert.True(figures.GetProperty("blobFolderBytes").GetInt64() >= 10 * 300_000, result.ToString());
        Assert.True(figures.GetProperty("maxWorkerCacheBytes").GetInt64() <= 1_000_000, result.ToString());
        Assert.True(figures.GetProperty("workerCacheUnderCap").GetBoolean(), result.ToString());
    }

    [Fact]
    public void Soak_WithNothingToDo_IsRefusedInOneLine()
    {
        OneLineError.Assert(_cli.Run("bench", "soak", "--edits", "0", "--runs", "0", "--json"), 2, "--edits");
    }

    [Fact]
    public void Soak_WithANegativeWarmUp_IsRefusedInOneLine()
    {
        OneLineError.Assert(_cli.Run("bench", "soak", "--warmup-edits", "-1", "--json"), 2, "--warmup-edits");
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
