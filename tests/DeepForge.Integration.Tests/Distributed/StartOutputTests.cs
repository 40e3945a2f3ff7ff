using System.Globalization;
using DeepForge.Integration.Tests.Infrastructure;

namespace DeepForge.Integration.Tests.Distributed;

/// <summary><c>deepforge start</c> (server and local worker in one process) starts and stops without warnings.</summary>
[Collection(DistributedCollection.Name)]
public sealed class StartOutputTests : IDisposable
{
    private static readonly TimeSpan Bound = TimeSpan.FromMinutes(2);
    private readonly TempFolder _temp = new();

    [Fact]
    public async Task Start_ThenCtrlC_PrintsNoWarningAndStopsTheWorkerBeforeTheServer()
    {
        var cli = new Cli(_temp["data"]);
        var port = FreePort.Next();
        using var api = CtrlCTests.SignedIn(cli, new ServerApi($"http://127.0.0.1:{port}"));
        using var start = cli.Start("start", "--port", port.ToString(CultureInfo.InvariantCulture));
        await Poll.UntilAsync(async () =>
        {
            Assert.False(start.HasExited, $"start ended by itself\n{start}");
            try { return (await api.RunnersAsync()).Count == 1; }
            catch (HttpRequestException) { return false; }
        }, Bound, () => $"the local worker never connected\n{start}");

        start.Interrupt();
        var ended = start.WaitForExit(Bound);

        var output = ended.Stdout + ended.Stderr;
        Assert.True(ended.ExitCode == 0, $"expected exit 0\n{ended}");
        Assert.DoesNotContain("Connection refused", output);
        Assert.DoesNotContain("warn:", output);
        Assert.DoesNotContain("fail:", output);
        var workerStopped = ended.Stdout.IndexOf("stopped", StringComparison.Ordinal);
        var serverStopping = ended.Stdout.IndexOf("Application is shutting down", StringComparison.Ordinal);
        Assert.True(workerStopped >= 0 && serverStopping > workerStopped, $"the worker should stop before the server\n{ended}");
    }

    public void Dispose() => _temp.Dispose();
}
