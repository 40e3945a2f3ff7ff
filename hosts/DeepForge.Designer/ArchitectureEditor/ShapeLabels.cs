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
        IReadOnlyDictionary<string, ArchitectureDefinition>? library = null, IEnumerable<Assembly>? assemblies = null)
    {
        var result = ShapeInference.Infer(architecture, library, assemblies);
        var labels = new ShapeLabelSet
        {
            Input = result.InputShape is { } input ? ShapeFormat.Sample(input) : null,
            Output = result.OutputShape is { } output ? ShapeFormat.Sample(output) : null,
            FailedLayer = result.FailedLayer,
            Problem = result.Problem?.Message,
        };
        foreach (var (id, shape) in result.Shapes) labels.Outputs[id] = shape;
        foreach (var link in ArchitectureEdits.Links(architecture))
            if (result.Shapes.TryGetValue(link.From, out var shape))
                labels.Links[link] = ShapeFormat.Sample(shape);
        return labels;
    }

    /// <summary>The project's architectures by name: what a module-typed attribute may name.</summary>
    public static IReadOnlyDictionary<string, ArchitectureDefinition> Library(ProjectDefinition project) =>
        project.Architectures.GroupBy(a => a.Name).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
}
