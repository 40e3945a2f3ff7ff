using DeepForge.Integration.Tests.Distributed;
using DeepForge.Integration.Tests.Infrastructure;
using DeepForge.Testing;

namespace DeepForge.Integration.Tests.Stores;

/// <summary>The command on a PostgreSQL store (the setting <c>store</c>): a server, a worker and a run, all on a throwaway cluster.</summary>
[Collection(DistributedCollection.Name)]
public sealed class PostgreSqlStoreTests : IDisposable
{
    private static readonly TimeSpan Bound = TimeSpan.FromMinutes(2);
    private readonly PostgreSqlTestCluster _postgres = new();
    private readonly Cluster _cluster = new();

    public PostgreSqlStoreTests()
    {
        _postgres.Execute("CREATE DATABASE deepforge");
        _cluster.Server.Environment["DEEPFORGE_STORE"] = _postgres.Url("deepforge");
    }

    [Fact]
    public async Task Run_OnAServerWhoseStoreIsPostgreSql_SucceedsAndIsListedFromAnotherDataFolderOnTheSameStore()
    {
        _cluster.CreateProject("pg", new SeedFolder(_cluster.Temp["seed"])
            .WithOperations(DistributedOperations.FileName, DistributedOperations.Source)
            .WithPipeline(new PipelineJson("text").Operation("make", "MakeText", new { length = 1000, seed = 3 }).Output("out", "out").Connect("make.text", "out.data")));
        await _cluster.StartServerAsync();
        var worker = _cluster.StartWorker("worker");
        await _cluster.WaitForRunnersAsync(worker);

        CliAssert.Succeeded(_cluster.Server.Run("run", "pg", "text", "--server", _cluster.Url));

        // Another data folder with no database file of its own reads the same store: the run is there, finished.
        var elsewhere = new Cli(_cluster.Temp["elsewhere"]);
        elsewhere.Environment["DEEPFORGE_STORE"] = $"Host=127.0.0.1;Port={_postgres.Port};Username=postgres;Database=deepforge";
        var executions = ExecutionList.Read(elsewhere, "pg");
        Assert.Equal(("text", "succeeded"), executions.Select(e => (e.Pipeline, e.Status)).Single());
        Assert.False(File.Exists(Path.Combine(_cluster.Server.DataDirectory, "deepforge.db")), "the server wrote a SQLite file beside the PostgreSQL store");
    }

    public void Dispose()
    {
        _cluster.Dispose();
        _postgres.Dispose();
    }
}
