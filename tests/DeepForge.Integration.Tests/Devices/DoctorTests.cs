using System.Text.Json;
using DeepForge.Integration.Tests.Infrastructure;

namespace DeepForge.Integration.Tests.Devices;

/// <summary><c>deepforge doctor</c> on this machine: the bundled CPU libtorch, no CUDA, the cpu label only.</summary>
public sealed class DoctorTests : IDisposable
{
    private readonly TempFolder _temp = new();
    private readonly Cli _cli;

    public DoctorTests() => _cli = new Cli(_temp["data"]);

    [Fact]
    public void Doctor_WithTheBundledBuild_NamesItsVersionAndTheFolderItWasLoadedFrom()
    {
        var report = Report(_cli);

        var libTorch = report.GetProperty("libTorch");
        Assert.Equal("2.10.0", libTorch.GetProperty("version").GetString());
        Assert.True(File.Exists(Path.Combine(libTorch.GetProperty("folder").GetString()!, "libtorch_cpu.so")), report.ToString());
        Assert.False(libTorch.TryGetProperty("torchDirectory", out _), report.ToString()); // JSON leaves out what is not set
    }

    [Fact]
    public void Doctor_OnAMachineWithoutCuda_OffersTheCpuLabelAndComputesOnCpu()
    {
        var report = Report(_cli);

        Assert.Equal(0, report.GetProperty("cudaDevices").GetInt32());
        Assert.Equal("cpu", report.GetProperty("device").GetString());
        Assert.Equal(["cpu"], report.GetProperty("workerLabels").EnumerateArray().Select(l => l.GetString()!).ToArray());
        Assert.True(report.GetProperty("torchThreads").GetInt32() >= 1, report.ToString());
    }

    [Fact]
    public void Doctor_Plain_PrintsOneLinePerFactIncludingTheNativeFix()
    {
        var output = CliAssert.Succeeded(_cli.Run("doctor")).Stdout;

        foreach (var label in new[] { "libtorch       2.10.0", "loaded from    /", "CUDA devices   none", "jobs compute   on cpu", "threads ", "worker labels  cpu", "native fix     " })
            Assert.Contains(label, output);
    }

    public void Dispose() => _temp.Dispose();

    /// <summary>What <c>deepforge doctor --json</c> printed.</summary>
    internal static JsonElement Report(Cli cli) =>
        JsonDocument.Parse(CliAssert.Succeeded(cli.Run("doctor", "--json")).Stdout).RootElement.Clone();
}
