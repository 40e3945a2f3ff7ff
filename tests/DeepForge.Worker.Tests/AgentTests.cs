using System.Net;
using System.Net.Sockets;
using DeepForge.Worker.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace DeepForge.Worker.Tests;

/// <summary>The agent on its own: its identity, labels and options, and how it waits for a server that is not there.</summary>
public sealed class AgentTests
{
    [Fact]
    public async Task Labels_AreCpu_PlusGpuAndCudaWhenCudaIsVisible_PlusTheConfiguredOnes()
    {
        using var folder = new TempFolder();
        await using var cpuOnly = Build(folder, w => w.Labels.Add("fast-disk"));
        await using var withCuda = Build(folder, w => { w.CudaAvailable = () => true; w.Labels.AddRange(["gpu", "big"]); });
        await using var detectionFails = Build(folder, w => w.CudaAvailable = () => throw new DllNotFoundException("no libcuda"));

        Assert.Equal(["cpu", "fast-disk"], cpuOnly.GetRequiredService<WorkerAgent>().Labels);
        Assert.Equal(["cpu", "gpu", "cuda", "big"], withCuda.GetRequiredService<WorkerAgent>().Labels);
        Assert.Equal(["cpu"], detectionFails.GetRequiredService<WorkerAgent>().Labels);
    }

    [Fact]
    public async Task RunnerId_IsHostProcessAndARandomSuffix_DifferentForEachAgent()
    {
        using var folder = new TempFolder();
        await using var one = Build(folder);
        await using var two = Build(folder);

        var first = one.GetRequiredService<WorkerAgent>().RunnerId;
        Assert.StartsWith($"{Environment.MachineName}-{Environment.ProcessId}-", first);
        Assert.NotEqual(first, two.GetRequiredService<WorkerAgent>().RunnerId);
    }

    [Fact]
    public async Task Options_ThatCannotWork_AreRefusedWithWhatIsWrong()
    {
        using var folder = new TempFolder();
        await using var services = Build(folder, w => { w.ChildCommand.Clear(); w.Slots = 0; w.ServerUrl = "ftp://x"; });

        var error = Assert.Throws<DeepForgeException>(() => services.GetRequiredService<WorkerAgent>());

        Assert.Contains("ChildCommand is empty", error.Message);
        Assert.Contains("Slots is 0", error.Message);
        Assert.Contains("'ftp://x' is not an http:// or https:// address", error.Message);
    }

    [Fact]
    public async Task ServerDown_AgentBacksOffAndSaysSoOnce_AndStopsPromptly()
    {
        using var folder = new TempFolder();
        var logs = new LogCollector();
        await using var services = Build(folder, w => { w.ServerUrl = $"http://127.0.0.1:{FreePort()}"; w.MaxBackoff = TimeSpan.FromMilliseconds(200); }, logs);
        var agent = services.GetRequiredService<WorkerAgent>();

        await agent.StartAsync(CancellationToken.None);
        await Eventually.TrueAsync(() => logs.Lines.Count(l => l.Message.Contains("still unavailable")) >= 3, "the agent to retry a few times");
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        await agent.StopAsync(stop.Token);

        Assert.False(stop.IsCancellationRequested, "stopping took longer than 5 s");
        Assert.Single(logs.Lines, l => l.Level == LogLevel.Warning && l.Message.Contains("unavailable while leasing jobs"));
        Assert.True(logs.Has(LogLevel.Information, "stopped"), logs.Dump());
    }

    internal static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static ServiceProvider Build(TempFolder folder, Action<WorkerOptions>? configure = null, LogCollector? logs = null)
    {
        var services = new ServiceCollection();
        services.AddLogging(l => { l.SetMinimumLevel(LogLevel.Debug); if (logs != null) l.AddProvider(logs); });
        services.AddDeepForgeWorker(w =>
        {
            w.DataDirectory = folder.Path;
            w.WorkDirectory = folder["work"];
            w.CacheDirectory = folder["cache"];
            w.ChildCommand.AddRange(TestHost.Command);
            configure?.Invoke(w);
        });
        return services.BuildServiceProvider();
    }
}
