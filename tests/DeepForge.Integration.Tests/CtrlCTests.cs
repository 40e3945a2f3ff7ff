using System.Globalization;
using DeepForge.Integration.Tests.Distributed;
using DeepForge.Integration.Tests.Infrastructure;

namespace DeepForge.Integration.Tests;

/// <summary>Ctrl-C in a local <c>deepforge run</c> cancels the execution; it is recorded cancelled, and a later <c>start</c> leaves it so.</summary>
[Collection(DistributedCollection.Name)]
public sealed class CtrlCTests : IDisposable
{
    private static readonly TimeSpan Bound = TimeSpan.FromMinutes(3);
    private readonly TempFolder _temp = new();
    private readonly Cli _cli;

    public CtrlCTests() => _cli = new Cli(_temp["data"]);

    [Fact]
    public void CtrlC_InALocalRun_StopsItsOperationAndRecordsTheExecutionCancelled()
    {
        var marker = CreateSpinningProject();
        using var run = _cli.Start("run", "s", "spin");
        Eventually.Holds(() => File.Exists(marker) || run.HasExited, Bound, () => $"the operation never started\n{run}");
        Assert.False(run.HasExited, $"the run ended before Ctrl-C\n{run}");

        run.Interrupt();
        var ended = run.WaitForExit(Bound);

        Assert.True(ended.ExitCode == 1, $"expected exit 1 from the cancelled run\n{ended}");
        Assert.Contains("cancelling execution", ended.Stderr);
        Assert.Equal("cancelled", Assert.Single(ExecutionList.Read(_cli, "s")).Status);
    }

    [Fact]
    public async Task Start_AfterACtrlCInALocalRun_DoesNotResumeIt()
    {
        var marker = CreateSpinningProject();
        using (var run = _cli.Start("run", "s", "spin"))
        {
            Eventually.Holds(() => File.Exists(marker) || run.HasExited, Bound, () => $"the operation never started\n{run}");
            run.Interrupt();
            run.WaitForExit(Bound);
        }
        File.Delete(marker);
        var cancelled = Assert.Single(ExecutionList.Read(_cli, "s")).Id;

        var port = FreePort.Next();
        using var api = SignedIn(_cli, new ServerApi($"http://127.0.0.1:{port}"));
        using var server = _cli.Start("start", "--port", port.ToString(CultureInfo.InvariantCulture));
        await Poll.UntilAsync(async () => !server.HasExited && await WorkerCountAsync(api) == 1, Bound, () => $"the worker never connected\n{server}");
        // A whole run through the worker after the server's start, so its look for executions to resume has long been made.
        var later = await api.StartAsync("s", "quick");
        await api.WaitForEndAsync(later, "succeeded", Bound, () => server.ToString());

        Assert.Equal("cancelled", (await api.ExecutionAsync(cancelled)).Status);
        Assert.False(File.Exists(marker), $"the cancelled run's operation ran again\n{server}");
        Assert.DoesNotContain($"Resuming execution {cancelled}", server.ToString());
    }

    /// <summary>The API client with an admin's personal access token, made on the data folder before the server starts.</summary>
    internal static ServerApi SignedIn(Cli cli, ServerApi api)
    {
        cli.AddPerson("admin", "admin");
        var token = CliAssert.Succeeded(cli.Run("token", "create", "--user", "admin")).StdoutLines.Last().Trim();
        api.Http.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
        return api;
    }

    private static async Task<int> WorkerCountAsync(ServerApi api)
    {
        try { return (await api.RunnersAsync()).Count; }
        catch (HttpRequestException) { return 0; } // not listening yet
    }

    private string CreateSpinningProject()
    {
        var marker = _temp["spinning"];
        var seed = new SeedFolder(_temp["seed"])
            .WithOperations(TestOperations.FileName, TestOperations.Source)
            .WithPipeline(new PipelineJson("spin").Operation("spin", "Spin", new { marker }))
            .WithPipeline(new PipelineJson("quick").Operation("text", "GiveText"));
        CliAssert.Succeeded(_cli.Run("new", "s", "--seed", seed.Path));
        return marker;
    }

    public void Dispose() => _temp.Dispose();
}
