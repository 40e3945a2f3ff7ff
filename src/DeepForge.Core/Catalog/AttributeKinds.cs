namespace DeepForge.Catalog;

/// <summary>Maps constructor parameter types to attribute kinds; anything else is a reference or unsupported.</summary>
internal static class AttributeKinds
{
    public static string? Of(Type type)
    {
        type = Nullable.GetUnderlyingType(type) ?? type;
        if (type.IsEnum) return "enum";
        if (type == typeof(int) || type == typeof(long) || type == typeof(short)) return "integer";
        if (type == typeof(double) || type == typeof(float) || type == typeof(decimal)) return "number";
        if (type == typeof(bool)) return "boolean";
        if (type == typeof(string)) return "string";
        return null;
    }
}
