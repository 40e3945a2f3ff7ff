using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using DeepForge.Integration.Tests.Infrastructure;

namespace DeepForge.Integration.Tests.Distributed;

/// <summary>
/// <c>deepforge run --server</c> on a server with a worker process: editing another operation's file leaves an
/// operation cached, editing its own file runs it again and says which file changed.
/// </summary>
[Collection(DistributedCollection.Name)]
public sealed class OwnCodeCacheTests : IDisposable
{
    private const string TrainSource = """
        [Operation(Category = "Test")]
        public sealed class Train(string counter) : Operation
        {
            [return: Output("value")]
            public int Execute()
            {
                File.AppendAllText(counter, "Train\n");
                return 41;
            }
        }
        """;

    private const string TestSource = """
        // Checks nothing yet.
        [Operation(Category = "Test")]
        public sealed class Test : Operation
        {
            [return: Output("score")]
            public int Execute() => 1;
        }
        """;

    private readonly Cluster _cluster = new();

    [Fact]
    public async Task Train_IsReused_WhenACommentInTestCsChanged_AndRunsAgainNamingTrainCs_WhenTrainCsChanged()
    {
        var counter = _cluster.Temp["counter.txt"];
        _cluster.CreateProject("own", new SeedFolder(_cluster.Temp["seed"])
            .WithOperations("Train.cs", TrainSource)
            .WithOperations("Test.cs", TestSource)
            .WithPipeline(new PipelineJson("train").Operation("train", "Train", new { counter })));
        await _cluster.StartServerAsync();
        await _cluster.WaitForRunnersAsync(_cluster.StartWorker("worker"));
        Assert.False(Train(Run()).GetProperty("fromCache").GetBoolean());

        await EditAsync("operations/Test.cs", text => text.Replace("// Checks nothing yet.", "// Checks nothing, still."));
        var afterComment = Train(Run());

        await EditAsync("operations/Train.cs", text => text.Replace("return 41;", "return 42;"));
        var afterEdit = Train(Run());

        Assert.True(afterComment.GetProperty("fromCache").GetBoolean(), afterComment.ToString());
        Assert.False(afterEdit.GetProperty("fromCache").GetBoolean());
        Assert.Equal("operation code changed: operations/Train.cs", afterEdit.GetProperty("cacheMissReason").GetString());
        Assert.Equal(2, File.ReadAllLines(counter).Length);
    }

    /// <summary>Runs the pipeline with the command on the server, as JSON; answers the printed execution.</summary>
    private JsonElement Run() =>
        JsonDocument.Parse(CliAssert.Succeeded(_cluster.Server.Run("run", "own", "train", "--server", _cluster.Url, "--json")).Stdout).RootElement.Clone();

    private static JsonElement Train(JsonElement execution) =>
        execution.GetProperty("nodes").EnumerateArray().Single(n => n.GetProperty("nodeId").GetString() == "train");

    /// <summary>Changes one source of the project with GET and PUT (If-Match), as a program editing it would.</summary>
    private async Task EditAsync(string path, Func<string, string> edit)
    {
        using var response = await _cluster.Api.Http.GetAsync("/api/v1/projects/own");
        var project = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        var source = project["sources"]!.AsArray().Single(s => s!["path"]!.GetValue<string>() == path)!;
        var before = source["text"]!.GetValue<string>();
        source["text"] = edit(before);
        Assert.NotEqual(before, source["text"]!.GetValue<string>());
        using var put = new HttpRequestMessage(HttpMethod.Put, "/api/v1/projects/own")
        {
            Content = new StringContent(project.ToJsonString(), Encoding.UTF8, "application/json"),
        };
        put.Headers.IfMatch.Add(response.Headers.ETag!);
        using var saved = await _cluster.Api.Http.SendAsync(put);
        Assert.True(saved.StatusCode == HttpStatusCode.OK, $"PUT -> {(int)saved.StatusCode}: {await saved.Content.ReadAsStringAsync()}");
    }

    public void Dispose() => _cluster.Dispose();
}
