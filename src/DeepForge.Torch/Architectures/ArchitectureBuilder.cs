using System.Text.Json;
using DeepForge.Models;
using DeepForge.Torch.Layers;
using static TorchSharp.torch;

namespace DeepForge.Torch.Architectures;

/// <summary>Builds architectures into modules, including nested architectures given inline or by name from the library.</summary>
internal sealed class ArchitectureBuilder(LayerCatalog catalog, IReadOnlyDictionary<string, ArchitectureDefinition> library)
{
    // Names of the library architectures being built, innermost last, to catch an architecture that contains itself.
    private readonly List<string> _open = [];

    public ArchitectureModule Build(ArchitectureDefinition definition, string prefix = "")
    {
        var named = !string.IsNullOrEmpty(definition.Name);
        if (named) _open.Add(definition.Name);
        try
        {
            var plan = ArchitectureGraph.Plan(definition, catalog, prefix);
            var steps = CreateSteps(plan, prefix);
            return new ArchitectureModule(definition.Name, steps, definition.Layers.Select(l => l.Id));
        }
        finally
        {
            if (named) _open.RemoveAt(_open.Count - 1);
        }
    }

    private List<LayerStep> CreateSteps(IReadOnlyList<PlannedLayer> plan, string prefix)
    {
        var steps = new List<LayerStep>(plan.Count);
        try
        {
            foreach (var layer in plan)
            {
                var arguments = new LayerArguments(layer.Type, layer.Node, prefix, Nested);
                steps.Add(new LayerStep(layer.Node.Id, arguments.Location, layer.Type, layer.Type.Create(arguments), layer.Inputs));
            }
            return steps;
        }
        catch
        {
            foreach (var step in steps) step.Module.Dispose();
            throw;
        }
    }

    private nn.Module<Tensor, Tensor> Nested(JsonElement value, string location)
    {
        var definition = value.ValueKind == JsonValueKind.String ? Named(value.GetString()!, location) : Inline(value, location);
        if (_open.Contains(definition.Name))
            throw new DeepForgeException(location, $"{location} names architecture '{definition.Name}', which contains it; an architecture cannot contain itself");
        return Build(definition, $"{location}, ");
    }

    private ArchitectureDefinition Named(string name, string location)
    {
        if (library.TryGetValue(name, out var definition)) return definition;
        var known = library.Count == 0 ? "the project has none" : $"known: {string.Join(", ", library.Keys)}";
        throw new DeepForgeException(location, $"{location} names architecture '{name}', which the project does not have ({known})");
    }

    private static ArchitectureDefinition Inline(JsonElement value, string location)
    {
        try
        {
            return value.Deserialize<ArchitectureDefinition>(DeepForge.Data.Json.Options)
                ?? throw new JsonException("null");
        }
        catch (JsonException e)
        {
            throw new DeepForgeException(location, $"{location} is not a valid architecture: {e.Message}", e);
        }
    }
}
