using System.Reflection;
using DeepForge.Models;
using DeepForge.Torch.Shapes;

namespace DeepForge.Designer.ArchitectureEditor;

/// <summary>
/// The shapes of the parts of an architecture that work while another part does not: each layer is inferred
/// together with the layers feeding it, so a misfit or a second branch elsewhere does not hide its shape.
/// </summary>
internal static class PartialShapes
{
    /// <summary>
    /// Adds to <paramref name="shapes"/> the output shape of every layer whose inputs are known and which runs;
    /// layers after one that fails stay unknown.
    /// </summary>
    public static void Complete(ArchitectureDefinition architecture, IReadOnlyList<LayerLink> links, Dictionary<string, long[]> shapes,
        IReadOnlyDictionary<string, ArchitectureDefinition>? library, IEnumerable<Assembly>? assemblies, IReadOnlyList<long>? inputShape)
    {
        foreach (var id in Ordered(architecture, links))
        {
            // Known already (an earlier run passed it), or after a layer that does not run.
            if (shapes.ContainsKey(id) || !links.Where(l => l.To == id).All(l => shapes.ContainsKey(l.From))) continue;
            var result = ShapeInference.Infer(Feeding(architecture, links, id), library, assemblies, inputShape);
            // A failing run still gives the shapes of the layers before the failure.
            foreach (var (layer, shape) in result.Shapes) shapes.TryAdd(layer, shape);
        }
    }

    /// <summary>The layer <paramref name="id"/> and every layer feeding it, directly or not, with their connections.</summary>
    private static ArchitectureDefinition Feeding(ArchitectureDefinition architecture, IReadOnlyList<LayerLink> links, string id)
    {
        var kept = new HashSet<string>(StringComparer.Ordinal) { id };
        var pending = new Stack<string>([id]);
        while (pending.TryPop(out var next))
            foreach (var link in links.Where(l => l.To == next && kept.Add(l.From))) pending.Push(link.From);
        return new ArchitectureDefinition
        {
            Name = architecture.Name,
            InputShape = architecture.InputShape,
            Layers = architecture.Layers.Where(l => kept.Contains(l.Id)).ToList(),
            Connections = links.Where(l => kept.Contains(l.From) && kept.Contains(l.To)).Select(l => new[] { l.From, l.To }).ToList(),
        };
    }

    // Layers whose inputs come first; a cycle's layers are left out (nothing on a cycle runs).
    private static List<string> Ordered(ArchitectureDefinition architecture, IReadOnlyList<LayerLink> links)
    {
        var waiting = architecture.Layers.ToDictionary(l => l.Id, l => links.Count(k => k.To == l.Id), StringComparer.Ordinal);
        var ready = new Queue<string>(architecture.Layers.Where(l => waiting[l.Id] == 0).Select(l => l.Id));
        var order = new List<string>();
        while (ready.TryDequeue(out var id))
        {
            order.Add(id);
            foreach (var link in links.Where(l => l.From == id && waiting.ContainsKey(l.To)))
                if (--waiting[link.To] == 0) ready.Enqueue(link.To);
        }
        return order;
    }
}
