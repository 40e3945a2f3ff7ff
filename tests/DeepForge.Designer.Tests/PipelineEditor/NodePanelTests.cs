using Bunit;
using DeepForge.Designer.PipelineEditor;
using DeepForge.Designer.Diagrams;
using DeepForge.Models;
using Microsoft.Extensions.DependencyInjection;
using Radzen;

namespace DeepForge.Designer.Tests.PipelineEditor;

/// <summary>The selected node's panel (bunit) on the fashion-mnist seed's test and train pipelines, with a real engine.</summary>
public sealed class NodePanelTests : IAsyncLifetime
{
    private readonly TestEngine _engine = new(torch: true);
    private readonly BunitContext _context = new();

    public async Task InitializeAsync()
    {
        _context.JSInterop.Mode = JSRuntimeMode.Loose;
        _context.Services.AddRadzenComponents();
        await _engine.Engine.Projects.CreateAsync("fm", "fashion-mnist");
        await _engine.Engine.Artifacts.SaveAsync("fm", "labels", new[] { "cat", "dog" });
        await _engine.Engine.Artifacts.SaveAsync("fm", "threshold", 0.5);
    }

    public async Task DisposeAsync()
    {
        await _context.DisposeAsync();
        await _engine.DisposeAsync();
    }

    [Fact]
    public async Task InputPanel_ListsOnlyArtifactsWhoseTypeFitsTheInputItFeeds()
    {
        var panel = await RenderAsync("test", "classes");

        Assert.Equal(["labels"], panel.FindAll(".df-artifact-choice").Select(e => e.GetAttribute("data-artifact")));
        Assert.Contains("threshold (double)", panel.Find(".df-node-panel").TextContent);
    }

    [Fact]
    public async Task ChoosingAnArtifact_StoresItOnTheInputNode()
    {
        var panel = await RenderAsync("test", "classes");

        await panel.Find(".df-artifact-choice[data-artifact=labels]").ClickAsync(new());

        Assert.Equal("labels", (await Pipeline("test")).FindNode("classes")!.Artifact);
    }

    [Fact]
    public async Task OutputPanel_StoresTheNameToSaveUnder()
    {
        var panel = await RenderAsync("train", "model");

        await panel.Find("input.df-output-name").ChangeAsync(new() { Value = "bestModel" });

        Assert.Equal("bestModel", (await Pipeline("train")).FindNode("model")!.Artifact);
    }

    [Fact]
    public async Task OperationPanel_ShowsAttributesWithTheirValues_AndTheReferencedArchitecture()
    {
        var panel = await RenderAsync("train", "train");

        Assert.Equal(["learningRate", "epochs", "batchSize", "optimizer", "schedule", "weightDecay", "labelSmoothing", "augment", "seed"], panel.FindAll(".df-attribute").Select(e => e.GetAttribute("data-attribute")));
        Assert.Equal("15", panel.Find(".df-attribute[data-attribute=epochs] input").GetAttribute("value"));
        Assert.Contains("open cnn", panel.Find(".df-reference[data-reference=net]").TextContent);
    }

    [Fact]
    public async Task OperationPanel_ShowsTheRangeEachAttributeDeclares()
    {
        var panel = await RenderAsync("train", "train");

        Assert.Equal("at least 1", panel.Find(".df-attribute[data-attribute=epochs] .df-attribute-range").TextContent);
        Assert.Equal("greater than 0", panel.Find(".df-attribute[data-attribute=learningRate] .df-attribute-range").TextContent);
        Assert.Empty(panel.FindAll(".df-attribute[data-attribute=seed] .df-attribute-range"));
    }

    [Fact]
    public async Task OperationPanel_RefusesAValueOutsideTheRange_SayingWhy_AndStoresNothing()
    {
        var panel = await RenderAsync("train", "train");

        await panel.Find(".df-attribute[data-attribute=learningRate] input").ChangeAsync(new() { Value = "0" });

        Assert.Equal("0 is outside the range of learningRate: greater than 0", panel.Find(".df-attribute[data-attribute=learningRate] .df-attribute-refused").TextContent);
        Assert.Equal(0.003, (await Pipeline("train")).FindNode("train")!.Attributes["learningRate"].GetDouble()); // the seed's value
    }

    [Fact]
    public async Task OperationPanel_StoresAValueInsideTheRange()
    {
        var panel = await RenderAsync("train", "train");

        await panel.Find(".df-attribute[data-attribute=learningRate] input").ChangeAsync(new() { Value = "0.01" });

        Assert.Empty(panel.FindAll(".df-attribute-refused"));
        Assert.Equal(0.01, (await Pipeline("train")).FindNode("train")!.Attributes["learningRate"].GetDouble());
    }

    private async Task<IRenderedComponent<NodePanel>> RenderAsync(string pipelineName, string nodeId)
    {
        var project = await _engine.Engine.Projects.GetAsync("fm");
        var pipeline = project.FindPipeline(pipelineName)!;
        var types = await PipelineTypes.LoadAsync(_engine.Engine, "fm", CancellationToken.None);
        return _context.Render<NodePanel>(p => p
            .Add(x => x.Node, pipeline.FindNode(nodeId)!).Add(x => x.Project, project).Add(x => x.Pipeline, pipeline).Add(x => x.Types, types)
            .Add(x => x.Edit, edit => _engine.Edits.ApplyAsync("fm", "test", edit)));
    }

    private async Task<PipelineDefinition> Pipeline(string name) => (await _engine.Engine.Projects.GetAsync("fm")).FindPipeline(name)!;
}
