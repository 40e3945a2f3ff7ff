using System.Reflection;
using DeepForge.Models;
using DeepForge.Torch.Shapes;

namespace DeepForge.Designer.ArchitectureEditor;

/// <summary>
/// Labels an architecture with its shapes using the engine's shape inference (a real forward pass of one
/// sample): every connection gets the shape of the layer it leaves, and the first misfit its reason.
/// </summary>
internal static class ShapeLabels
{
    public static ShapeLabelSet Compute(ArchitectureDefinition architecture,
        IReadOnlyDictionary<string, ArchitectureDefinition>? library = null, IEnumerable<Assembly>? assemblies = null,
        IReadOnlyList<long>? inputShape = null)
    {
        // A layer just added and not yet connected would make the whole graph fail (two inputs, two outputs)
        // and the engine would mark the first layer; the rest is labelled without it and the new layer marked instead.
        var loose = Unconnected(architecture);
        var labelled = loose == null ? architecture : Without(architecture, loose);
        var result = ShapeInference.Infer(labelled, library, assemblies, inputShape);
        var shapes = new Dictionary<string, long[]>(result.Shapes, StringComparer.Ordinal);
        // Another part being wrong must not hide the shapes of the parts that work.
        if (!result.Succeeded && result.InputShape != null)
            PartialShapes.Complete(labelled, ArchitectureEdits.Links(labelled), shapes, library, assemblies, inputShape);
        var labels = new ShapeLabelSet
        {
            Input = result.InputShape is { } input ? ShapeFormat.Sample(input) : null,
            Output = loose == null && result.OutputShape is { } output ? ShapeFormat.Sample(output) : null,
            FailedLayer = loose ?? result.FailedLayer,
            Problem = loose != null
                ? $"layer '{loose}' is not connected: drag from the lower port of the layer before it to its upper port"
                : result.Problem?.Message,
        };
        foreach (var (id, shape) in shapes) labels.Outputs[id] = shape;
        foreach (var link in ArchitectureEdits.Links(architecture))
            if (shapes.TryGetValue(link.From, out var shape))
                labels.Links[link] = ShapeFormat.Sample(shape);
        return labels;
    }

    /// <summary>The shape of one sample entering <paramref name="layer"/>, when known: what a nested architecture there receives.</summary>
    public static IReadOnlyList<long>? EnteringShape(ArchitectureDefinition architecture, ShapeLabelSet labels, string layer)
    {
        var from = ArchitectureEdits.Links(architecture).Where(l => l.To == layer).Select(l => l.From).ToList();
        if (from.Count == 0) return architecture.InputShape;
        return from.Count == 1 && labels.Outputs.TryGetValue(from[0], out var shape) ? shape.Skip(1).ToList() : null;
    }

    private static string? Unconnected(ArchitectureDefinition architecture)
    {
        if (architecture.Layers.Count < 2 || architecture.Connections.Count == 0) return null;
        var linked = ArchitectureEdits.Links(architecture).SelectMany(l => new[] { l.From, l.To }).ToHashSet(StringComparer.Ordinal);
        return architecture.Layers.FirstOrDefault(l => !linked.Contains(l.Id))?.Id;
    }

    private static ArchitectureDefinition Without(ArchitectureDefinition architecture, string id) => new()
    {
        Name = architecture.Name,
        InputShape = architecture.InputShape,
        Layers = architecture.Layers.Where(l => l.Id != id).ToList(),
        Connections = architecture.Connections,
    };

    /// <summary>The project's architectures by name: what a module-typed attribute may name.</summary>
    public static IReadOnlyDictionary<string, ArchitectureDefinition> Library(ProjectDefinition project) =>
        project.Architectures.GroupBy(a => a.Name).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
}
