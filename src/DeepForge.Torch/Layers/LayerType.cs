using static TorchSharp.torch;

namespace DeepForge.Torch.Layers;

/// <summary>A kind of layer an architecture may use: a built-in TorchSharp layer or a custom layer class.</summary>
public sealed class LayerType
{
    private readonly Func<LayerArguments, nn.Module<Tensor, Tensor>> _factory;

    internal LayerType(string name, string category, IReadOnlyList<LayerAttribute> attributes,
        Func<LayerArguments, nn.Module<Tensor, Tensor>> factory, bool joinsBranches = false, Type? customType = null)
    {
        Name = name;
        Category = category;
        Attributes = attributes;
        JoinsBranches = joinsBranches;
        CustomType = customType;
        _factory = factory;
    }

    /// <summary>The name a <see cref="DeepForge.Models.LayerNode.Type"/> uses: <c>Conv2d</c>, or a custom layer's class name.</summary>
    public string Name { get; }

    /// <summary>A group for editors' palettes, e.g. <c>Convolution</c> or <c>Custom</c>.</summary>
    public string Category { get; }

    /// <summary>The attributes, in the order an editor shows them.</summary>
    public IReadOnlyList<LayerAttribute> Attributes { get; }

    /// <summary>Whether the layer takes several incoming branches (Concat, Add); every other layer takes one.</summary>
    public bool JoinsBranches { get; }

    /// <summary>For a custom layer: its class; null for a built-in layer.</summary>
    public Type? CustomType { get; }

    /// <summary>The attribute of that name, if the layer has one.</summary>
    public LayerAttribute? Attribute(string name) => Attributes.FirstOrDefault(a => a.Name == name);

    /// <summary>Makes the module; any failure becomes an error naming the layer.</summary>
    internal nn.Module<Tensor, Tensor> Create(LayerArguments arguments)
    {
        try
        {
            return _factory(arguments);
        }
        catch (DeepForgeException e)
        {
            // A nested architecture's error names its own layer; editors highlight the layer that holds it.
            TorchErrors.Tag(e, arguments.Id);
            throw;
        }
        catch (Exception e) when (TorchErrors.IsForeign(e))
        {
            throw TorchErrors.Layer(arguments.Id, arguments.Location,
                $"{arguments.Location} ({Name}) could not be created: {TorchErrors.Describe(e)}", TorchErrors.Unwrap(e));
        }
    }
}
