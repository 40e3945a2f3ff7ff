using System.Text.Json;
using DeepForge.Integration.Tests.Infrastructure;

namespace DeepForge.Integration.Tests.Distributed;

/// <summary><c>deepforge status --server URL</c> against a server process and a worker process, signed in as a person is with <c>deepforge login</c>.</summary>
[Collection(DistributedCollection.Name)]
public sealed class StatusCommandTests : IDisposable
{
    private readonly Cluster _cluster = new();

    [Fact]
    public async Task Status_ListsTheServerAndItsConnectedWorker_AndAnEmptyQueue()
    {
        await _cluster.StartServerAsync();
        var worker = _cluster.StartWorker("worker", labels: ["cpu", "big"]);
        await _cluster.WaitForRunnersAsync(worker);

        var result = CliAssert.Succeeded(_cluster.Server.Run("status", "--server", _cluster.Url, "--json"));

        var status = JsonDocument.Parse(result.Stdout).RootElement;
        var server = Assert.Single(status.GetProperty("servers").EnumerateArray());
        Assert.False(string.IsNullOrWhiteSpace(server.GetProperty("version").GetString()), result.ToString());
        Assert.True(server.GetProperty("uptimeSeconds").GetDouble() >= 0, result.ToString());
        var listed = Assert.Single(status.GetProperty("workers").EnumerateArray());
        Assert.True(worker.Owns(listed.GetProperty("id").GetString()!), result.ToString());
        Assert.Equal(["big", "cpu"], listed.GetProperty("labels").EnumerateArray().Select(l => l.GetString()).Order());
        Assert.Equal(0, status.GetProperty("queue").GetProperty("waiting").GetInt32());
    }

    [Fact]
    public async Task Status_PrintsTablesOfServersAndWorkersAndAQueueLine_ForAPerson()
    {
        await _cluster.StartServerAsync();
        var worker = _cluster.StartWorker("worker");
        await _cluster.WaitForRunnersAsync(worker);

        var result = CliAssert.Succeeded(_cluster.Server.Run("status", "--server", _cluster.Url));

        Assert.Contains(_cluster.Url, result.Stdout);
        Assert.Contains($"-{worker.Process.ProcessId}-", result.Stdout);
        Assert.Contains("idle", result.Stdout);
        Assert.Contains("Queue: empty", result.Stdout);
    }

    [Fact]
    public async Task Status_WithoutASignIn_SaysToLogIn_InOneLine()
    {
        await _cluster.StartServerAsync();
        var stranger = new Cli(_cluster.Temp["stranger"]);

        OneLineError.Assert(stranger.Run("status", "--server", _cluster.Url), 2, "deepforge login");
    }

    [Fact]
    public void Status_WithoutAServer_IsRefusedInOneLine()
    {
        OneLineError.Assert(_cluster.Server.Run("status"), 2, "--server");
    }

    public void Dispose() => _cluster.Dispose();
}
