using DeepForge.Torch.Architectures;
using static TorchSharp.torch;

namespace DeepForge.Torch.Layers;

/// <summary>Maps the C# type of a custom layer's constructor or setter parameter to an attribute kind.</summary>
internal static class ClrAttributeKinds
{
    /// <summary>The kind, or null when the type cannot be given as an attribute.</summary>
    public static string? Of(Type type)
    {
        type = Nullable.GetUnderlyingType(type) ?? type;
        if (type.IsEnum) return LayerAttributeKinds.Enum;
        if (type == typeof(long) || type == typeof(int) || type == typeof(short)) return LayerAttributeKinds.Integer;
        if (type == typeof(double) || type == typeof(float) || type == typeof(decimal)) return LayerAttributeKinds.Number;
        if (type == typeof(bool)) return LayerAttributeKinds.Boolean;
        if (type == typeof(string)) return LayerAttributeKinds.String;
        if (type == typeof(long[]) || type == typeof(int[])) return LayerAttributeKinds.IntegerList;
        return IsArchitecture(type) ? LayerAttributeKinds.Architecture : null;
    }

    /// <summary>Whether a module built from an architecture can be passed for a parameter of this type.</summary>
    public static bool IsArchitecture(Type type) =>
        typeof(nn.Module).IsAssignableFrom(type) && type.IsAssignableFrom(typeof(ArchitectureModule));

    /// <summary>The range of the integer type, so an out-of-range value is reported like any other wrong value.</summary>
    public static (double? Minimum, double? Maximum) Range(Type type)
    {
        type = Nullable.GetUnderlyingType(type) ?? type;
        if (type == typeof(int) || type == typeof(int[])) return (int.MinValue, int.MaxValue);
        if (type == typeof(short)) return (short.MinValue, short.MaxValue);
        return (null, null);
    }
}
