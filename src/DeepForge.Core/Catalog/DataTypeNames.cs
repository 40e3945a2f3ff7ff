namespace DeepForge.Catalog;

/// <summary>How data types are named in pipelines and artifacts.</summary>
internal static class DataTypeNames
{
    /// <summary>The stored name: the CLR full name (with generic arguments spelled out).</summary>
    public static string Of(Type type) => type.FullName ?? type.Name;

    /// <summary>The short name shown to people.</summary>
    public static string Display(Type type)
    {
        if (type.IsArray) return Display(type.GetElementType()!) + "[]";
        if (!type.IsGenericType) return type.Name;
        var name = type.Name[..type.Name.IndexOf('`')];
        return $"{name}<{string.Join(", ", type.GetGenericArguments().Select(Display))}>";
    }
}
