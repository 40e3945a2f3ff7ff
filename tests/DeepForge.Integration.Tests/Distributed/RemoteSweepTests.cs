using DeepForge.Integration.Tests.Infrastructure;
using DeepForge.Integration.Tests.Sweeps;

namespace DeepForge.Integration.Tests.Distributed;

/// <summary>One server process and one worker: <c>sweep --server</c> runs the sweep on the server and prints its table.</summary>
public sealed class RemoteSweepServer : IAsyncLifetime
{
    public const string Project = "remote-sweep";

    private const string Score = """
        [Operation(Category = "Test")]
        public sealed class Score(double accuracy = 0.5) : Operation
        {
            [return: Output("accuracy")]
            public double Execute(OperationContext context)
            {
                context.Metric("accuracy", accuracy);
                return accuracy;
            }
        }
        """;

    internal Cluster Cluster { get; } = new();

    public async Task InitializeAsync()
    {
        var seed = new SeedFolder(Cluster.Temp["seed"]).WithOperations("Score.cs", Score)
            .WithPipeline(new PipelineJson("score").Operation("score", "Score").Output("out", "accuracy").Connect("score.accuracy", "out.data"));
        Cluster.CreateProject(Project, seed);
        await Cluster.StartServerAsync();
        await Cluster.WaitForRunnersAsync(Cluster.StartWorker("w1"));
    }

    public Task DisposeAsync()
    {
        Cluster.Dispose();
        return Task.CompletedTask;
    }
}

/// <summary>The sweep's runs are the server's executions, run by its workers; the table reads the same through the REST API.</summary>
[Collection(DistributedCollection.Name)]
public sealed class RemoteSweepTests(RemoteSweepServer server) : IClassFixture<RemoteSweepServer>
{
    private readonly Cluster _cluster = server.Cluster;

    [Fact]
    public async Task Sweep_WithServer_RunsOnTheServer_AndShowAndListReadItBack()
    {
        var result = CliAssert.Succeeded(_cluster.Server.Run("sweep", RemoteSweepServer.Project, "score", "--set", "score.accuracy=0.6,0.9", "--parallel", "2",
            "--server", _cluster.Url));
        var id = SweepCommandTests.SweepId(result);

        var rows = SweepTableText.Rows(result);
        Assert.Equal([("best", "0.9", "succeeded"), ("", "0.6", "succeeded")], rows.Select(r => (r[""], r["score.accuracy"], r["Status"])));
        Assert.Equal(rows.Select(r => r["Execution"]).Order(), (await _cluster.Api.ExecutionsAsync(RemoteSweepServer.Project)).Select(e => e.Id).Order());
        Assert.Equal(rows, SweepTableText.Rows(CliAssert.Succeeded(_cluster.Server.Run("sweep", "show", RemoteSweepServer.Project, id, "--server", _cluster.Url))));
        Assert.Contains(CliAssert.Succeeded(_cluster.Server.Run("sweep", "list", RemoteSweepServer.Project, "--server", _cluster.Url)).StdoutLines,
            l => l.Contains(id, StringComparison.Ordinal));
    }

    [Fact]
    public void Sweep_WithServer_AndAnUnknownAttribute_IsRefusedInOneLine()
    {
        var result = _cluster.Server.Run("sweep", RemoteSweepServer.Project, "score", "--set", "score.acuracy=0.6", "--server", _cluster.Url);

        CliAssert.BadInput(result, "node 'score' attribute 'acuracy'");
        Assert.DoesNotContain("   at ", result.Stderr);
    }
}
