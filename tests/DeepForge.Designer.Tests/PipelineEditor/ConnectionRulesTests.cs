using DeepForge.Designer.Diagrams;
using DeepForge.Hosting;
using DeepForge.Models;
using DeepForge.Torch.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace DeepForge.Designer.Tests.PipelineEditor;

/// <summary>Which links the pipeline editor allows, on the fashion-mnist seed's real operations (compiled by Roslyn, Torch types).</summary>
public sealed class ConnectionRulesTests : IAsyncLifetime
{
    private readonly string _data = Path.Combine(Path.GetTempPath(), "deepforge-designer-tests", Guid.NewGuid().ToString("n"));
    private ServiceProvider _services = null!;
    private Blazor.Diagrams.BlazorDiagram _diagram = null!;

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(_data);
        _services = new ServiceCollection().AddDeepForge(df => df.UseSqlite(Path.Combine(_data, "deepforge.db")).UseDataDirectory(_data)
            .AddSeedDirectory(Path.Combine(AppContext.BaseDirectory, "seeds")).AddTorch().AddCompilation()).BuildServiceProvider();
        var engine = _services.GetRequiredService<DeepForgeEngine>();
        var project = await engine.Projects.CreateAsync("fm", "fashion-mnist");
        var pipeline = project.FindPipeline("download-normalize")!;
        pipeline.Nodes.Add(new PipelineNode { Id = "test", Operation = "Test" });
        _diagram = PipelineDiagram.Build(pipeline, await PipelineTypes.LoadAsync(engine, "fm", CancellationToken.None));
    }

    [Fact]
    public void WhyNot_NamesBothTypes_WhenAnImageDatasetGoesToAModelInput() =>
        Assert.Equal("download.trainingData → test.net: it gives ImageDataset but the input takes Model", Why(Output("download.trainingData"), Input("test.net")));

    [Fact]
    public void WhyNot_IsNull_WhenTheTypesFit() => Assert.Null(Why(Output("download.testingData"), Input("test.testingData")));

    [Fact]
    public void WhyNot_IsNull_WhenDrawnFromTheInputBackToTheOutput() => Assert.Null(Why(Input("test.classes"), Output("download.classes")));

    [Fact]
    public void WhyNot_SaysTheInputIsTaken_WhenItHasAConnectionAlready() =>
        Assert.Equal("normalize.trainingData already has a connection; an input takes one (delete that link first)",
            Why(Output("download.testingData"), Input("normalize.trainingData")));

    [Fact]
    public void WhyNot_Refuses_WhenBothEndsAreOutputs() =>
        Assert.Equal("both are outputs: connect an output to an input", Why(Output("download.classes"), Output("normalize.testingData")));

    [Fact]
    public void WhyNot_Refuses_WhenBothEndsAreOnOneNode() =>
        Assert.Equal("normalize.trainingData and normalize.trainingData are on the same node", Why(Output("normalize.trainingData"), Input("normalize.trainingData")));

    [Fact]
    public void Ports_CarryTheirOperationsTypes_ForTooltips() =>
        Assert.Equal(("ImageDataset", "test.testingData"), (Input("test.testingData").DisplayType, Input("test.testingData").FullName));

    private static string? Why(NamedPortModel a, NamedPortModel b) => a.Rules!.WhyNot(a, b);

    private NamedPortModel Input(string fullName) => Port(fullName, isInput: true);

    private NamedPortModel Output(string fullName) => Port(fullName, isInput: false);

    private NamedPortModel Port(string fullName, bool isInput)
    {
        var reference = PortRef.Parse(fullName);
        return PipelineDiagram.Find(_diagram, reference.Node)?.Port(reference.Port, isInput) ?? throw new InvalidOperationException($"no port {fullName} (input: {isInput})");
    }

    public async Task DisposeAsync()
    {
        await _services.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try { Directory.Delete(_data, recursive: true); } catch (IOException) { }
    }
}
