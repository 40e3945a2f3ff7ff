using System.Text.Json;
using DeepForge.Models;
using DeepForge.Operations;

namespace DeepForge.Torch.Tests;

// Architectures written the way the designer stores them: layers with JSON attribute values.
internal static class TestArchitectures
{
    public static LayerNode Layer(string id, string type, object? attributes = null) => new()
    {
        Id = id,
        Type = type,
        Attributes = attributes == null ? new()
            : JsonSerializer.SerializeToElement(attributes).EnumerateObject().ToDictionary(p => p.Name, p => p.Value.Clone()),
    };

    public static ArchitectureDefinition Define(string name, params LayerNode[] layers) =>
        new() { Name = name, Layers = layers.ToList() };

    public static ArchitectureDefinition Connected(ArchitectureDefinition definition, params (string From, string To)[] edges)
    {
        definition.Connections = edges.Select(e => new[] { e.From, e.To }).ToList();
        return definition;
    }

    /// <summary>The lenet of the cifar10 seed.</summary>
    public static ArchitectureDefinition Lenet(long fc1InFeatures = 400) => Define("lenet",
        Layer("conv1", "Conv2d", new { in_channels = 3, out_channels = 6, kernel_size = 5 }),
        Layer("relu1", "ReLU"),
        Layer("pool1", "MaxPool2d", new { kernel_size = 2 }),
        Layer("conv2", "Conv2d", new { in_channels = 6, out_channels = 16, kernel_size = new[] { 5, 5 } }),
        Layer("relu2", "ReLU"),
        Layer("pool2", "MaxPool2d", new { kernel_size = 2, stride = 2 }),
        Layer("flatten", "Flatten"),
        Layer("fc1", "Linear", new { in_features = fc1InFeatures, out_features = 120 }),
        Layer("relu3", "ReLU"),
        Layer("fc2", "Linear", new { in_features = 120, out_features = 84 }),
        Layer("relu4", "ReLU"),
        Layer("fc3", "Linear", new { in_features = 84, out_features = 10 }),
        Layer("logsoftmax", "LogSoftmax"));

    public static Architecture Of(ArchitectureDefinition definition, IEnumerable<ArchitectureDefinition>? library = null) =>
        new(definition, library?.ToDictionary(d => d.Name), [typeof(TestArchitectures).Assembly]);
}
