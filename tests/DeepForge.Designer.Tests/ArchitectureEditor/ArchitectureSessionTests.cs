using DeepForge.Designer.ArchitectureEditor;
using DeepForge.Designer.Collaboration;
using DeepForge.Models;

namespace DeepForge.Designer.Tests.ArchitectureEditor;

public sealed class ArchitectureSessionTests : IAsyncLifetime
{
    private readonly TestEngine _engine = new(torch: true);

    public async Task InitializeAsync() => await _engine.Engine.Projects.CreateAsync("fm", "fashion-mnist");

    public async Task DisposeAsync() => await _engine.DisposeAsync();

    private async Task<ArchitectureSession> OpenAsync(string architecture = "cnn")
    {
        var session = new ArchitectureSession(_engine.Edits, _engine.Engine, "fm", architecture, "test-editor");
        await session.LoadAsync();
        return session;
    }

    private async Task<ArchitectureDefinition> StoredAsync(string architecture = "cnn") =>
        (await _engine.Engine.Projects.GetAsync("fm")).FindArchitecture(architecture)!;

    [Fact]
    public async Task AddingALayerAndConnectingIt_LabelsTheNewConnection()
    {
        var session = await OpenAsync();

        var id = await session.AddLayerAsync("Linear", new NodePosition(80, 1500), after: null);
        Assert.Equal(id, session.Labels.FailedLayer);
        Assert.Contains("not connected", session.Labels.Problem);
        Assert.Equal("10", session.Labels.Links[new LayerLink("fc2", "output")]);
        await session.SetAttributeAsync(id!, "in_features", AttributeValues.Integer(10));
        await session.SetAttributeAsync(id!, "out_features", AttributeValues.Integer(4));
        Assert.Null(await session.ConnectAsync(new LayerLink("output", id!)));

        Assert.True(session.Labels.Fits, session.Labels.Problem);
        Assert.Equal("10", session.Labels.Links[new LayerLink("output", id!)]);
        Assert.Equal("4", session.Labels.Output);
        Assert.Contains(new[] { "output", id! }, (await StoredAsync()).Connections);
    }

    [Fact]
    public async Task EditingAnAttribute_StoresItAndRelabels()
    {
        var session = await OpenAsync();

        await session.SetAttributeAsync("fc2", "out_features", AttributeValues.Integer(7));

        Assert.Equal(7, (await StoredAsync()).Layers.Single(l => l.Id == "fc2").Attributes["out_features"].GetInt64());
        Assert.Equal("7", session.Labels.Links[new LayerLink("fc2", "output")]);
    }

    [Fact]
    public async Task WrongInFeatures_MarksThatLayerWithTheReason()
    {
        var session = await OpenAsync();

        await session.SetAttributeAsync("fc1", "in_features", AttributeValues.Integer(3000));

        Assert.Equal("fc1", session.Labels.FailedLayer);
        Assert.Contains("expects 3000 input features but gets 3136", session.Labels.Problem);
    }

    [Fact]
    public async Task RemovingAChainLayer_BridgesItsNeighbours()
    {
        var session = await OpenAsync();

        await session.RemoveLayerAsync("dropout");

        var stored = await StoredAsync();
        Assert.DoesNotContain(stored.Layers, l => l.Id == "dropout");
        Assert.Contains(new LayerLink("relu3", "fc2"), ArchitectureEdits.Links(stored));
        Assert.True(session.Labels.Fits, session.Labels.Problem);
    }

    [Fact]
    public async Task ConnectingALayerToItself_IsRefusedWithTheReason()
    {
        var session = await OpenAsync();

        var refused = await session.ConnectAsync(new LayerLink("fc1", "fc1"));

        Assert.Contains("cannot feed itself", refused);
        Assert.Empty((await StoredAsync()).Connections);
    }

    [Fact]
    public async Task NestedArchitecture_IsEditedInsideTheLayersAttributeAndShapesFlowThroughIt()
    {
        await _engine.Edits.ApplyAsync("fm", "setup", p =>
        {
            p.Sources.Add(new SourceFile("layers/Residual.cs", TestLayers.Residual));
            p.Architectures.Add(new ArchitectureDefinition { Name = "res", InputShape = [8] });
            return true;
        });
        var session = await OpenAsync("res");
        var residual = (await session.AddLayerAsync("Residual", null, after: null))!;

        await session.EnterAsync(residual, "inner");
        var linear = (await session.AddLayerAsync("Linear", null, after: null))!;
        await session.SetAttributeAsync(linear, "in_features", AttributeValues.Integer(8));
        await session.SetAttributeAsync(linear, "out_features", AttributeValues.Integer(8));
        Assert.Equal("8", session.Labels.Input); // no input shape of its own: what enters the Residual layer
        Assert.Equal("8", session.Labels.Output);
        await session.BackAsync(0);

        Assert.Empty(session.Path);
        Assert.True(session.Labels.Fits, session.Labels.Problem);
        Assert.Equal("8", session.Labels.Output);
        var inner = (await StoredAsync("res")).Layers.Single().Attributes["inner"];
        Assert.Equal("Linear", inner.GetProperty("layers")[0].GetProperty("type").GetString());
    }

    [Fact]
    public async Task NestedArchitectureNamedByTheAttribute_IsEditedWhereTheProjectKeepsIt()
    {
        await _engine.Edits.ApplyAsync("fm", "setup", p =>
        {
            p.Sources.Add(new SourceFile("layers/Residual.cs", TestLayers.Residual));
            p.Architectures.Add(new ArchitectureDefinition { Name = "block", InputShape = [8] });
            p.Architectures.Add(new ArchitectureDefinition { Name = "res", InputShape = [8] });
            return true;
        });
        var session = await OpenAsync("res");
        var residual = (await session.AddLayerAsync("Residual", null, after: null))!;
        await session.SetAttributeAsync(residual, "inner", AttributeValues.Text("block"));

        await session.EnterAsync(residual, "inner");
        await session.AddLayerAsync("ReLU", null, after: null);

        Assert.Equal("ReLU", (await StoredAsync("block")).Layers.Single().Type);
        Assert.Equal("block", (await StoredAsync("res")).Layers.Single().Attributes["inner"].GetString());
    }

    [Fact]
    public async Task AnotherEditorsChange_IsSeenOnReload()
    {
        var session = await OpenAsync();
        var other = new ArchitectureSession(_engine.Edits, _engine.Engine, "fm", "cnn", "other-editor");
        await other.LoadAsync();
        ProjectChange? heard = null;
        _engine.Edits.Changed += c => heard = c;

        await other.SetAttributeAsync("fc2", "out_features", AttributeValues.Integer(5));
        await session.ReloadAsync();

        Assert.Equal("other-editor", heard?.Editor);
        Assert.Equal("5", session.Labels.Links[new LayerLink("fc2", "output")]);
    }
    private static (double Width, double Height) NodeSize(LayerNode layer) => (ArchitectureLayout.NodeWidth, 80);

    [Fact]
    public async Task InsertingAfterALayer_MovesItsLinksToTheNewLayerAndFillsInFeatures()
    {
        var session = await OpenAsync();

        var id = (await session.InsertLayerAsync("Linear", after: "flatten", before: null, NodeSize))!;

        var stored = await StoredAsync();
        var links = ArchitectureEdits.Links(stored);
        Assert.Contains(new LayerLink("flatten", id), links);
        Assert.Contains(new LayerLink(id, "fc1"), links);
        Assert.DoesNotContain(new LayerLink("flatten", "fc1"), links);
        Assert.Equal(3136, stored.Layers.Single(l => l.Id == id).Attributes["in_features"].GetInt64());
        Assert.True(session.Labels.Fits, session.Labels.Problem);
    }

    [Fact]
    public async Task InsertingOnALink_PutsTheLayerBetweenItsEndsAndFillsNumFeatures()
    {
        var session = await OpenAsync();

        var id = (await session.InsertLayerAsync("BatchNorm2d", after: "conv2", before: "relu2", NodeSize))!;

        var links = ArchitectureEdits.Links(await StoredAsync());
        Assert.Contains(new LayerLink("conv2", id), links);
        Assert.Contains(new LayerLink(id, "relu2"), links);
        Assert.Equal(64, (await StoredAsync()).Layers.Single(l => l.Id == id).Attributes["num_features"].GetInt64());
        Assert.Equal("64×14×14", session.Labels.Links[new LayerLink(id, "relu2")]);
        Assert.True(session.Labels.Fits, session.Labels.Problem);
    }

    [Fact]
    public async Task InsertingWithNothingSelected_FollowsTheOutputLayer()
    {
        var session = await OpenAsync();

        var id = (await session.InsertLayerAsync("Softmax", after: null, before: null, NodeSize))!;

        Assert.Contains(new LayerLink("output", id), ArchitectureEdits.Links(await StoredAsync()));
        Assert.True(session.Labels.Fits, session.Labels.Problem);
    }

    [Fact]
    public async Task InsertingOnALinkThatIsGone_IsRefusedAndStoresNothing()
    {
        var session = await OpenAsync();
        var before = await StoredAsync();

        await Assert.ThrowsAsync<DeepForgeException>(() => session.InsertLayerAsync("ReLU", after: "conv1", before: "fc2", NodeSize));

        Assert.Equal(before.Layers.Count, (await StoredAsync()).Layers.Count);
    }

    [Fact]
    public async Task Inserting_LaysTheLayersOutTopToBottomInFlowOrder()
    {
        var session = await OpenAsync();

        await session.InsertLayerAsync("ReLU", after: "fc1", before: null, NodeSize);

        var stored = await StoredAsync();
        var tops = ArchitectureEdits.Links(stored).Select(l => (From: Top(stored, l.From), To: Top(stored, l.To)));
        Assert.All(tops, t => Assert.True(t.To >= t.From + 80, $"a layer at {t.To} is not below the one feeding it at {t.From}"));
    }

    private static double Top(ArchitectureDefinition architecture, string id) => architecture.Layers.Single(l => l.Id == id).Position!.Y;
}
