using System.Reflection;
using DeepForge.Torch.Architectures;
using static TorchSharp.torch;

namespace DeepForge.Torch.Layers;

/// <summary>
/// Reads a custom layer's attributes from its code, as DeepForge did for Torch7 layers: the public
/// constructor's parameters in order, then fluent setters (public methods that take at most one
/// value and return the layer itself).
/// </summary>
internal static class CustomLayerReader
{
    /// <summary>Public, concrete classes deriving from <c>Module&lt;Tensor, Tensor&gt;</c> with a public constructor.</summary>
    public static bool IsCandidate(Type type) =>
        type is { IsClass: true, IsAbstract: false, IsVisible: true, ContainsGenericParameters: false }
        && typeof(nn.Module<Tensor, Tensor>).IsAssignableFrom(type)
        && type.GetConstructors().Length > 0;

    /// <summary>The layer type, or the reason the class cannot be used as a layer.</summary>
    public static (LayerType? Type, string? Reason) Read(Type type)
    {
        var constructor = type.GetConstructors().OrderByDescending(c => c.GetParameters().Length).First();
        var parameters = constructor.GetParameters();
        var unsupported = parameters.FirstOrDefault(p => ClrAttributeKinds.Of(p.ParameterType) == null);
        if (unsupported != null)
            return (null, $"constructor parameter '{unsupported.Name}' is a {unsupported.ParameterType.Name}; use a number, boolean, string, enum, integer array or module type");
        var setters = FindSetters(type, parameters.Select(p => p.Name!).ToHashSet());
        var attributes = parameters.Select(p => Describe(p.Name!, p, required: !p.HasDefaultValue))
            .Concat(setters.Select(DescribeSetter)).ToList();
        var factory = new CustomLayerFactory(constructor, setters);
        return (new LayerType(type.Name, "Custom", attributes, factory.Create, customType: type), null);
    }

    private static IReadOnlyList<MethodInfo> FindSetters(Type type, HashSet<string> taken) =>
        type.GetMethods(BindingFlags.Public | BindingFlags.Instance)
            .Where(m => IsSetter(m) && !taken.Contains(m.Name))
            .GroupBy(m => m.Name).Select(g => g.First()) // an overloaded setter shows once, as its first overload
            .ToList();

    private static bool IsSetter(MethodInfo method) =>
        method is { IsSpecialName: false, IsGenericMethod: false, DeclaringType: { } declaring }
        && method.ReturnType == declaring
        && declaring.Assembly != typeof(nn.Module).Assembly
        && method.GetParameters() is { Length: 0 } or [{ IsOut: false, ParameterType.IsByRef: false }]
        && method.GetParameters().All(p => ClrAttributeKinds.Of(p.ParameterType) != null);

    // A setter without a value switches something on, as Torch7's SpatialMaxPooling:ceil() did.
    private static LayerAttribute DescribeSetter(MethodInfo setter) =>
        setter.GetParameters() is [var parameter]
            ? Describe(setter.Name, parameter, required: false)
            : Attributes.Boolean(setter.Name, false);

    private static LayerAttribute Describe(string name, ParameterInfo parameter, bool required)
    {
        var type = Nullable.GetUnderlyingType(parameter.ParameterType) ?? parameter.ParameterType;
        var (minimum, maximum) = ClrAttributeKinds.Range(type);
        return new LayerAttribute(name, ClrAttributeKinds.Of(type)!, DefaultOf(parameter, type), required)
        {
            Values = type.IsEnum ? Enum.GetNames(type) : null,
            Minimum = minimum,
            Maximum = maximum,
        };
    }

    private static System.Text.Json.JsonElement? DefaultOf(ParameterInfo parameter, Type type)
    {
        if (!parameter.HasDefaultValue || parameter.DefaultValue is null or DBNull) return null;
        return Attributes.Element(type.IsEnum ? Enum.ToObject(type, parameter.DefaultValue).ToString() : parameter.DefaultValue);
    }
}
