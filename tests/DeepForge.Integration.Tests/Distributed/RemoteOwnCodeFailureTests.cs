using DeepForge.Integration.Tests.Infrastructure;

namespace DeepForge.Integration.Tests.Distributed;

/// <summary>A failure in the project's own code followed with <c>run --server</c>: DeepForge's frames hidden, and shown with <c>--verbose</c>.</summary>
[Collection(DistributedCollection.Name)]
public sealed class RemoteOwnCodeFailureTests : IDisposable
{
    private readonly Cluster _cluster = new();

    [Fact]
    public async Task RunWithServer_HidesDeepForgeFrames_WithoutVerbose()
    {
        var result = await RunAsync();

        Assert.True(result.ExitCode == 1, result.ToString());
        Assert.Contains("operations/Ticker.cs:14", result.Stdout);
        Assert.DoesNotContain("at DeepForge.Runtime.", result.Stdout + result.Stderr);
    }

    [Fact]
    public async Task RunWithServer_WithVerbose_ShowsDeepForgeFrames()
    {
        var result = await RunAsync("--verbose");

        Assert.True(result.ExitCode == 1, result.ToString());
        Assert.Contains("at DeepForge.Runtime.OperationInvoker", result.Stdout + result.Stderr);
    }

    private async Task<CliResult> RunAsync(params string[] extra)
    {
        _cluster.CreateProject("t", new SeedFolder(_cluster.Temp["seed"])
            .WithOperations("Ticker.cs", OwnCodeFailureTests.Ticker).WithPipeline(new PipelineJson("tick").Operation("tick", "Ticker")));
        await _cluster.StartServerAsync();
        await _cluster.WaitForRunnersAsync(_cluster.StartWorker("cpu"));
        return _cluster.Server.Run(["run", "t", "tick", "--server", _cluster.Url, .. extra]);
    }

    public void Dispose() => _cluster.Dispose();
}
