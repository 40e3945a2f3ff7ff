using System.Net.Http.Json;
using DeepForge.Integration.Tests.Infrastructure;

namespace DeepForge.Integration.Tests.Distributed;

/// <summary>One server process, no workers: <c>run --server</c> with <c>--input</c> that the server refuses.</summary>
public sealed class RemoteInputServer : IAsyncLifetime
{
    public const string Project = "remote-input";

    private const string Operations = """
        [Operation(Category = "Test")]
        public sealed class FileSize : Operation
        {
            [return: Output("size")]
            public long Execute(DeepForge.Data.DataFile file) => new FileInfo(file.Path).Length;
        }
        """;

    internal Cluster Cluster { get; } = new();

    public async Task InitializeAsync()
    {
        var seed = new SeedFolder(Cluster.Temp["seed"])
            .WithOperations("Ops.cs", Operations)
            .WithOperations(TestOperations.FileName, TestOperations.Source)
            .WithPipeline(new PipelineJson("broken").Input("data", "data-file").Operation("size", "FileSize").Connect("data.data", "size.file").Operation("take", "TakeNumber"));
        Cluster.CreateProject(Project, seed);
        await Cluster.StartServerAsync();
    }

    public Task DisposeAsync()
    {
        Cluster.Dispose();
        return Task.CompletedTask;
    }
}

/// <summary>A run the server refuses leaves the project's artifacts as they were; a missing file is named before anything is sent.</summary>
[Collection(DistributedCollection.Name)]
public sealed class RemoteInputTests(RemoteInputServer server) : IClassFixture<RemoteInputServer>
{
    private readonly Cluster _cluster = server.Cluster;

    [Fact]
    public async Task Run_ThatTheServerRefuses_LeavesNoUploadedArtifact()
    {
        var file = _cluster.Temp["input.txt"];
        File.WriteAllText(file, "some bytes");
        var before = await _cluster.Api.ArtifactsAsync(RemoteInputServer.Project);

        var result = _cluster.Server.Run("run", RemoteInputServer.Project, "broken", "--server", _cluster.Url, "--input", $"data={file}");

        CliAssert.BadInput(result, "take.number");
        Assert.Equal(before.Count, (await _cluster.Api.ArtifactsAsync(RemoteInputServer.Project)).Count);
        Assert.DoesNotContain("   at ", result.Stderr);
    }

    [Fact]
    public async Task Projects_WithServer_ListsTheServersProjects_NotThisFolders()
    {
        var lister = new Cli(_cluster.Temp["lister"]);
        using var signIn = await _cluster.Api.Http.PostAsJsonAsync("/api/v1/auth/tokens", new { name = Cluster.AdminName, password = Cli.Password });
        var token = (await signIn.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>()).GetProperty("token").GetString()!;
        CliAssert.Succeeded(lister.Run("login", _cluster.Url, "--token", token));

        var remote = CliAssert.Succeeded(lister.Run("projects", "--server", _cluster.Url, "--json"));
        var local = CliAssert.Succeeded(lister.Run("projects", "--json"));

        Assert.Contains(RemoteInputServer.Project, remote.Stdout);
        Assert.DoesNotContain(RemoteInputServer.Project, local.Stdout);
    }

    [Fact]
    public async Task Run_WithAFileThatDoesNotExist_SaysSoAndSendsNothing()
    {
        var before = await _cluster.Api.ArtifactsAsync(RemoteInputServer.Project);

        OneLineError.Assert(new Cli(_cluster.Temp["client"]).Run("run", RemoteInputServer.Project, "broken", "--server", _cluster.Url, "--input", $"data={_cluster.Temp["missing/file.txt"]}"), 2, "there is no file");

        Assert.Equal(before.Count, (await _cluster.Api.ArtifactsAsync(RemoteInputServer.Project)).Count);
    }
}
