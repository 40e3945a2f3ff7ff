using System.Text.Json;
using DeepForge.Designer.ArchitectureEditor;
using DeepForge.Designer.PipelineEditor;
using DeepForge.Designer.Undo;
using DeepForge.Models;

namespace DeepForge.Designer.Tests.Undo;

/// <summary>
/// Undo and redo on the designer's edit path, against a real store: two people (two histories, as two circuits
/// have) edit one pipeline; each undoes only their own edits and never loses the other's.
/// </summary>
public sealed class EditHistoryTests : IAsyncLifetime
{
    private readonly TestEngine _engine = new(TestSeeds.None);
    private readonly PipelineScope _train = new("train");
    private EditHistory _alice = null!;
    private EditHistory _bob = null!;

    public async Task InitializeAsync()
    {
        await _engine.Engine.Projects.SaveAsync(new ProjectDefinition
        {
            Name = "p",
            Pipelines =
            [
                new PipelineDefinition
                {
                    Name = "train",
                    Nodes =
                    [
                        new PipelineNode { Id = "load", Operation = "Load", Position = new NodePosition(40, 40) },
                        new PipelineNode { Id = "fit", Operation = "Fit", Position = new NodePosition(300, 40), Attributes = { ["epochs"] = Json(5) } },
                        new PipelineNode { Id = "save", Operation = "Save", Position = new NodePosition(560, 40) },
                    ],
                    Connections = [new Connection("load.data", "fit.data"), new Connection("fit.model", "save.model")],
                },
            ],
            Architectures =
            [
                new ArchitectureDefinition
                {
                    Name = "net", InputShape = [4],
                    Layers = [Layer("fc1", "Linear"), Layer("relu1", "ReLU"), Layer("fc2", "Linear")],
                },
            ],
        });
        _alice = new EditHistory(_engine.Edits, "p");
        _bob = new EditHistory(_engine.Edits, "p");
    }

    public async Task DisposeAsync() => await _engine.DisposeAsync();

    [Fact]
    public async Task Undo_BringsBackADeletedNodeWithItsConnections_InItsPlace()
    {
        await _alice.ApplyAsync("alice", _train, PipelineEdits.Remove("train", "fit"));
        Assert.Null((await Train()).FindNode("fit"));

        await _alice.UndoAsync("alice");

        var train = await Train();
        Assert.Equal(["load", "fit", "save"], train.Nodes.Select(n => n.Id));
        Assert.Equal(5, train.FindNode("fit")!.Attributes["epochs"].GetInt32());
        Assert.Equal(new NodePosition(300, 40), train.FindNode("fit")!.Position);
        Assert.Equal(["load.data->fit.data", "fit.model->save.model"], Links(train));
    }

    [Fact]
    public async Task Redo_DoesTheUndoneEditAgain()
    {
        await _alice.ApplyAsync("alice", _train, PipelineEdits.Move("train", "save", 560, 300));
        await _alice.UndoAsync("alice");
        Assert.Equal(new NodePosition(560, 40), (await Train()).FindNode("save")!.Position);

        await _alice.RedoAsync("alice");

        Assert.Equal(new NodePosition(560, 300), (await Train()).FindNode("save")!.Position);
        Assert.Equal("move node 'save'", _alice.NextUndo);
        Assert.False(_alice.CanRedo);
    }

    [Fact]
    public async Task Undo_TakesBackOnlyMyEdit_WhenAnotherPersonEditedAnotherPartOfTheSameNode()
    {
        await _alice.ApplyAsync("alice", _train, PipelineEdits.Move("train", "fit", 300, 200));
        await _bob.ApplyAsync("bob", _train, PipelineEdits.SetAttribute("train", "fit", "epochs", Json(9)));

        await _alice.UndoAsync("alice");

        var fit = (await Train()).FindNode("fit")!;
        Assert.Equal(new NodePosition(300, 40), fit.Position);
        Assert.Equal(9, fit.Attributes["epochs"].GetInt32());
        Assert.False(_alice.CanUndo);
        Assert.True(_bob.CanUndo);
    }

    [Fact]
    public async Task Undo_IsRefusedAndStoresNothing_WhenAnotherPersonChangedTheSameAttributeSince()
    {
        await _alice.ApplyAsync("alice", _train, PipelineEdits.SetAttribute("train", "fit", "epochs", Json(7)));
        await _bob.ApplyAsync("bob", _train, PipelineEdits.SetAttribute("train", "fit", "epochs", Json(9)));
        var version = (await _engine.Engine.Projects.GetAsync("p")).Version;

        var refused = await Assert.ThrowsAsync<DeepForgeException>(() => _alice.UndoAsync("alice"));

        Assert.Contains("Not undone: attribute 'epochs' of node 'fit' changed since", refused.Message);
        Assert.Equal(version, (await _engine.Engine.Projects.GetAsync("p")).Version);
        Assert.Equal(9, (await Train()).FindNode("fit")!.Attributes["epochs"].GetInt32());
        Assert.False(_alice.CanUndo);
    }

    [Fact]
    public async Task UndoOfAnAddedNode_IsRefused_WhenAnotherPersonConnectedToItSince()
    {
        var node = new PipelineNode { Id = "check", Operation = "Check", Position = new NodePosition(300, 300) };
        await _alice.ApplyAsync("alice", _train, PipelineEdits.Add("train", node));
        await _bob.ApplyAsync("bob", _train, PipelineEdits.Connect("train", "fit.model", "check.model"));

        var refused = await Assert.ThrowsAsync<DeepForgeException>(() => _alice.UndoAsync("alice"));

        Assert.Contains("the link fit.model → check.model", refused.Message);
        Assert.Contains("fit.model->check.model", Links(await Train()));
    }

    [Fact]
    public async Task UndoOfADeletedNode_IsRefused_WhenANodeItWasConnectedToIsGoneSince()
    {
        await _alice.ApplyAsync("alice", _train, PipelineEdits.Remove("train", "fit"));
        await _bob.ApplyAsync("bob", _train, PipelineEdits.Remove("train", "save"));

        var refused = await Assert.ThrowsAsync<DeepForgeException>(() => _alice.UndoAsync("alice"));

        Assert.Contains("node 'save'", refused.Message);
        Assert.Null((await Train()).FindNode("fit"));
    }

    [Fact]
    public async Task NewEdit_EndsWhatCouldBeRedone()
    {
        await _alice.ApplyAsync("alice", _train, PipelineEdits.Move("train", "save", 560, 300));
        await _alice.UndoAsync("alice");

        await _alice.ApplyAsync("alice", _train, PipelineEdits.Move("train", "load", 40, 300));

        Assert.False(_alice.CanRedo);
        Assert.Null(await _alice.RedoAsync("alice"));
    }

    [Fact]
    public async Task UndoOfALayerDeletedFromAChain_BringsTheChainBackInOrder()
    {
        var net = new ArchitectureScope("net", []);
        await _alice.ApplyAsync("alice", net, p => ArchitecturePath.Edit(p, "net", [], a => ArchitectureEdits.RemoveLayer(a, "relu1")));
        Assert.Equal(["fc1->fc2"], ArchitectureLinks(await Net()));

        await _alice.UndoAsync("alice");

        var restored = await Net();
        Assert.Equal(["fc1", "relu1", "fc2"], restored.Layers.Select(l => l.Id));
        Assert.Equal(["fc1->relu1", "relu1->fc2"], ArchitectureLinks(restored));
    }

    [Fact]
    public async Task UndoOfAnAttributeInANestedArchitecture_ChangesItThere()
    {
        var inner = new ArchitectureDefinition { Name = "inner", Layers = [Layer("linear1", "Linear")] };
        var project = await _engine.Engine.Projects.GetAsync("p");
        project.FindArchitecture("net")!.Layers.Add(new LayerNode { Id = "res1", Type = "Residual", Attributes = { ["inner"] = ArchitectureJson.Write(inner) } });
        await _engine.Engine.Projects.SaveAsync(project);
        NestedStep[] path = [new("res1", "inner")];
        await _alice.ApplyAsync("alice", new ArchitectureScope("net", path),
            p => ArchitecturePath.Edit(p, "net", path, a => ArchitectureEdits.SetAttribute(a, "linear1", "out_features", Json(16))));

        await _alice.UndoAsync("alice");

        var nested = ArchitecturePath.Resolve(await _engine.Engine.Projects.GetAsync("p"), "net", path);
        Assert.False(nested.Layers.Single().Attributes.ContainsKey("out_features"));
    }

    private async Task<PipelineDefinition> Train() => (await _engine.Engine.Projects.GetAsync("p")).FindPipeline("train")!;

    private async Task<ArchitectureDefinition> Net() => (await _engine.Engine.Projects.GetAsync("p")).FindArchitecture("net")!;

    private static List<string> Links(PipelineDefinition pipeline) => pipeline.Connections.Select(c => $"{c.From}->{c.To}").ToList();

    private static List<string> ArchitectureLinks(ArchitectureDefinition architecture) =>
        ArchitectureEdits.Links(architecture).Select(l => $"{l.From}->{l.To}").ToList();

    private static LayerNode Layer(string id, string type) => new() { Id = id, Type = type };

    private static JsonElement Json(object value) => JsonSerializer.SerializeToElement(value);
}
