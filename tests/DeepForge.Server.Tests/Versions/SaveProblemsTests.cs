using System.Net;
using System.Text.Json;
using DeepForge.Models;
using DeepForge.Server.Tests.Infrastructure;
using static DeepForge.Server.Tests.Versions.VersionedApi;

namespace DeepForge.Server.Tests.Versions;

/// <summary>A pipeline that would not run is stored (work in progress), and the answer lists what would stop it.</summary>
public sealed class SaveProblemsTests
{
    [Fact]
    public async Task A_pipeline_with_a_cycle_is_stored_and_the_answer_names_the_cycle()
    {
        using var data = new TestData();
        await using var server = await ServerHost.StartAsync(data.Directory);
        await server.Api.SaveProjectAsync(TestProjects.Create());
        var looped = Pipeline("looped", [Op("a", "Sum"), Op("b", "Sum")], ("a.total", "b.values"), ("b.total", "a.values"));

        using var saved = await PutPipelineAsync(server.Api.Http, "demo", looped, ifMatch: null);

        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        Assert.Contains(Messages(await BodyAsync(saved)), m => m.Contains("has a cycle"));
        Assert.Equal(2, (await GetPipelineAsync(server.Api.Http, "demo", "looped")).Pipeline.Connections.Count);
    }

    [Fact]
    public async Task A_pipeline_with_an_unknown_operation_is_stored_and_the_answer_names_the_node_and_operation()
    {
        using var data = new TestData();
        await using var server = await ServerHost.StartAsync(data.Directory);
        await server.Api.SaveProjectAsync(TestProjects.Create());
        var unknown = Pipeline("draft", [Op("mystery", "Frobnicate")]);

        using var saved = await PutPipelineAsync(server.Api.Http, "demo", unknown, ifMatch: null);

        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        var problem = Assert.Single((await BodyAsync(saved)).GetProperty("problems").EnumerateArray());
        Assert.Equal("node 'mystery'", problem.GetProperty("location").GetString());
        Assert.Contains("unknown operation 'Frobnicate'", problem.GetProperty("message").GetString());
        Assert.NotNull((await GetProjectAsync(server.Api.Http, "demo")).Project.FindPipeline("draft"));
    }

    [Fact]
    public async Task A_pipeline_that_would_run_is_answered_with_no_problems()
    {
        using var data = new TestData();
        await using var server = await ServerHost.StartAsync(data.Directory);
        await server.Api.SaveProjectAsync(TestProjects.Create());
        var (chain, etag) = await GetPipelineAsync(server.Api.Http, "demo", "chain");

        using var saved = await PutPipelineAsync(server.Api.Http, "demo", chain, etag);

        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        Assert.Empty((await BodyAsync(saved)).GetProperty("problems").EnumerateArray());
    }

    [Fact]
    public async Task A_project_with_a_mistyped_connection_is_stored_and_the_answer_names_the_pipeline_and_the_types()
    {
        using var data = new TestData();
        await using var server = await ServerHost.StartAsync(data.Directory);
        var project = TestProjects.Create();
        project.Pipelines.Add(Pipeline("mistyped", [Op("numbers", "Numbers"), Op("sum", "Sum")], ("numbers.values", "sum.values")));

        using var saved = await PutProjectAsync(server.Api.Http, project, ifMatch: null);

        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        var problem = Assert.Single((await BodyAsync(saved)).GetProperty("problems").EnumerateArray(), p => p.GetProperty("location").GetString()!.StartsWith("pipeline 'mistyped'"));
        Assert.Contains("gives", problem.GetProperty("message").GetString());
        Assert.NotNull((await GetProjectAsync(server.Api.Http, "demo")).Project.FindPipeline("mistyped"));
    }

    [Fact]
    public async Task A_project_whose_code_does_not_compile_is_stored_and_the_answer_names_the_file()
    {
        using var data = new TestData();
        await using var server = await ServerHost.StartAsync(data.Directory);
        var project = TestProjects.Create();
        project.Sources = [new SourceFile("TestOps.cs", TestProjects.Source.Replace("values.Sum()", "values.Summ()"))];

        using var saved = await PutProjectAsync(server.Api.Http, project, ifMatch: null);

        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        var problem = Assert.Single((await BodyAsync(saved)).GetProperty("problems").EnumerateArray());
        Assert.Contains("TestOps.cs", problem.GetProperty("location").GetString());
        Assert.Contains("Summ", problem.GetProperty("message").GetString());
        Assert.Contains("Summ", (await GetProjectAsync(server.Api.Http, "demo")).Project.Sources.Single().Text);
    }

    private static List<string> Messages(JsonElement body) =>
        body.GetProperty("problems").EnumerateArray().Select(p => p.GetProperty("message").GetString()!).ToList();

    private static PipelineDefinition Pipeline(string name, PipelineNode[] nodes, params (string From, string To)[] wires) => new()
    {
        Name = name, Nodes = [.. nodes], Connections = wires.Select(w => new Connection(w.From, w.To)).ToList(),
    };

    private static PipelineNode Op(string id, string operation) => new() { Id = id, Kind = NodeKind.Operation, Operation = operation };
}
