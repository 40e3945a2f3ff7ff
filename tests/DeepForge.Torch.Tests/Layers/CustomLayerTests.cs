using DeepForge.Torch.Layers;

namespace DeepForge.Torch.Tests.Layers;

public sealed class CustomLayerTests
{
    private static readonly LayerCatalog Catalog = LayerCatalog.For([typeof(Glimpse).Assembly]);

    [Fact]
    public void For_ReadsConstructorParametersInOrder_ThenSetters()
    {
        var glimpse = Catalog.Find(nameof(Glimpse))!;

        Assert.Equal(["action", "steps", "reduction", "Scale", "Double"], glimpse.Attributes.Select(a => a.Name));
    }

    [Fact]
    public void For_MakesModuleTypedParameterAnArchitectureAttribute()
    {
        var action = Catalog.Find(nameof(Glimpse))!.Attribute("action")!;

        Assert.Equal((LayerAttributeKinds.Architecture, true), (action.Kind, action.Required));
    }

    [Fact]
    public void For_TakesEnumValuesAndDefaultsFromTheCode()
    {
        var reduction = Catalog.Find(nameof(Glimpse))!.Attribute("reduction")!;

        Assert.Equal(["Sum", "Mean"], reduction.Values!);
        Assert.Equal("Mean", reduction.Default!.Value.GetString());
        Assert.False(reduction.Required);
    }

    [Fact]
    public void For_MakesZeroArgumentSetterABooleanAttribute()
    {
        var doubled = Catalog.Find(nameof(Glimpse))!.Attribute("Double")!;

        Assert.Equal((LayerAttributeKinds.Boolean, false), (doubled.Kind, doubled.Default!.Value.GetBoolean()));
    }

    [Fact]
    public void For_MakesOneArgumentSetterAnAttributeOfItsKind()
    {
        var scale = Catalog.Find(nameof(Glimpse))!.Attribute("Scale")!;

        Assert.Equal((LayerAttributeKinds.Number, false), (scale.Kind, scale.Required));
    }

    [Fact]
    public void For_ExplainsWhyAClassCannotBeALayer() =>
        Assert.Contains("'stream'", Catalog.Rejected[nameof(NeedsStream)]);

    [Fact]
    public void For_RecordsTheClassOfACustomLayer() =>
        Assert.Equal(typeof(Glimpse), Catalog.Find(nameof(Glimpse))!.CustomType);
}
