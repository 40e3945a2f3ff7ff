using System.Text.Json;
using DeepForge.Designer.ArchitectureEditor;
using DeepForge.Models;

namespace DeepForge.Designer.Tests.ArchitectureEditor;

public sealed class ShapeLabelsTests : IAsyncLifetime
{
    private readonly TestEngine _engine = new(torch: true);

    public async Task InitializeAsync() => await _engine.Engine.Projects.CreateAsync("fm", "fashion-mnist");

    public async Task DisposeAsync() => await _engine.DisposeAsync();

    [Fact]
    public async Task Labels_each_connection_of_the_fashion_mnist_cnn_with_the_shape_of_one_sample()
    {
        var cnn = (await _engine.Engine.Projects.GetAsync("fm")).FindArchitecture("cnn")!;

        var labels = ShapeLabels.Compute(cnn);

        Assert.True(labels.Fits, labels.Problem);
        Assert.Equal("1×28×28", labels.Input);
        Assert.Equal("32×28×28", labels.Links[new LayerLink("conv1", "relu1")]);
        Assert.Equal("32×14×14", labels.Links[new LayerLink("pool1", "conv2")]);
        Assert.Equal("64×7×7", labels.Links[new LayerLink("pool2", "flatten")]);
        Assert.Equal("3136", labels.Links[new LayerLink("flatten", "fc1")]);
        Assert.Equal("10", labels.Links[new LayerLink("fc2", "output")]);
        Assert.Equal("10", labels.Output);
        Assert.Equal(cnn.Layers.Count - 1, labels.Links.Count);
    }

    [Fact]
    public async Task Marks_the_linear_layer_whose_in_features_do_not_fit_and_says_why()
    {
        var cnn = (await _engine.Engine.Projects.GetAsync("fm")).FindArchitecture("cnn")!;
        cnn.Layers.Single(l => l.Id == "fc1").Attributes["in_features"] = JsonSerializer.SerializeToElement(3000);

        var labels = ShapeLabels.Compute(cnn);

        Assert.Equal("fc1", labels.FailedLayer);
        Assert.Contains("3000", labels.Problem);
        Assert.Contains("3136", labels.Problem);
        Assert.Equal("3136", labels.Links[new LayerLink("flatten", "fc1")]);
        Assert.False(labels.Links.ContainsKey(new LayerLink("fc1", "relu3")));
    }

    [Fact]
    public async Task Explains_a_missing_input_shape_without_marking_a_layer()
    {
        var cnn = (await _engine.Engine.Projects.GetAsync("fm")).FindArchitecture("cnn")!;
        cnn.InputShape = null;

        var labels = ShapeLabels.Compute(cnn);

        Assert.Null(labels.FailedLayer);
        Assert.Contains("no input shape", labels.Problem);
        Assert.Empty(labels.Links);
    }

    [Fact]
    public async Task Keeps_the_labels_of_the_layers_that_work_while_a_second_branch_makes_the_graph_invalid()
    {
        var cnn = (await _engine.Engine.Projects.GetAsync("fm")).FindArchitecture("cnn")!;
        ArchitectureEdits.Connect(cnn, "flatten", "fc2"); // fc2 now takes two inputs, and only join layers may

        var labels = ShapeLabels.Compute(cnn);

        Assert.False(labels.Fits);
        Assert.Equal("32×14×14", labels.Links[new LayerLink("pool1", "conv2")]);
        Assert.Equal("3136", labels.Links[new LayerLink("flatten", "fc1")]);
        Assert.Equal("128", labels.Links[new LayerLink("fc1", "relu3")]);
        Assert.False(labels.Links.ContainsKey(new LayerLink("fc2", "output")));
    }

    [Fact]
    public async Task Keeps_the_labels_of_a_side_branch_and_before_a_misfit_on_the_other()
    {
        var cnn = (await _engine.Engine.Projects.GetAsync("fm")).FindArchitecture("cnn")!;
        cnn.Layers.Add(new LayerNode { Id = "side", Type = "ReLU" });
        ArchitectureEdits.Connect(cnn, "pool2", "side"); // a second output layer
        cnn.Layers.Single(l => l.Id == "fc2").Attributes["in_features"] = JsonSerializer.SerializeToElement(7);

        var labels = ShapeLabels.Compute(cnn);

        Assert.False(labels.Fits);
        Assert.Equal("64×7×7", labels.Links[new LayerLink("pool2", "side")]);
        Assert.Equal("128", labels.Links[new LayerLink("dropout", "fc2")]);
        Assert.False(labels.Links.ContainsKey(new LayerLink("fc2", "output")));
    }
}
