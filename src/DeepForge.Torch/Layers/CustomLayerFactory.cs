using System.Reflection;
using static TorchSharp.torch;

namespace DeepForge.Torch.Layers;

/// <summary>Creates a custom layer: calls its constructor with the attribute values, then the setters whose attributes are given.</summary>
internal sealed class CustomLayerFactory(ConstructorInfo constructor, IReadOnlyList<MethodInfo> setters)
{
    public nn.Module<Tensor, Tensor> Create(LayerArguments arguments)
    {
        var values = constructor.GetParameters().Select(p => Argument(arguments, p.Name!, p)).ToArray();
        var layer = (nn.Module<Tensor, Tensor>)constructor.Invoke(values);
        try
        {
            foreach (var setter in setters.Where(s => arguments.IsGiven(s.Name)))
                Apply(arguments, setter, layer);
            return layer;
        }
        catch
        {
            layer.Dispose();
            throw;
        }
    }

    private static void Apply(LayerArguments arguments, MethodInfo setter, nn.Module<Tensor, Tensor> layer)
    {
        if (setter.GetParameters() is [var parameter])
            setter.Invoke(layer, [Argument(arguments, setter.Name, parameter)]);
        else if (arguments.Boolean(setter.Name))
            setter.Invoke(layer, []);
    }

    private static object? Argument(LayerArguments arguments, string name, ParameterInfo parameter)
    {
        if (!arguments.IsGiven(name) && parameter.HasDefaultValue) return DefaultOf(parameter);
        if (!arguments.IsGiven(name)) throw arguments.Error(name, "has no value and no default; set it");
        var type = Nullable.GetUnderlyingType(parameter.ParameterType) ?? parameter.ParameterType;
        return ClrAttributeKinds.Of(type) switch
        {
            LayerAttributeKinds.Integer => Convert.ChangeType(arguments.Integer(name), type),
            LayerAttributeKinds.Number => Convert.ChangeType(arguments.Number(name), type),
            LayerAttributeKinds.Boolean => arguments.Boolean(name),
            LayerAttributeKinds.String => arguments.String(name),
            LayerAttributeKinds.Enum => Enum.Parse(type, arguments.Enum(name), ignoreCase: true),
            LayerAttributeKinds.IntegerList when type == typeof(int[]) => arguments.IntegerList(name).Select(v => (int)v).ToArray(),
            LayerAttributeKinds.IntegerList => arguments.IntegerList(name),
            _ => arguments.Architecture(name),
        };
    }

    private static object? DefaultOf(ParameterInfo parameter)
    {
        var type = Nullable.GetUnderlyingType(parameter.ParameterType) ?? parameter.ParameterType;
        // Reflection reports an enum's default as its underlying number.
        return type.IsEnum && parameter.DefaultValue != null ? Enum.ToObject(type, parameter.DefaultValue) : parameter.DefaultValue;
    }
}
