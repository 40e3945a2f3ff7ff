namespace DeepForge.Catalog;

/// <summary>How data types are named in pipelines and artifacts.</summary>
public static class DataTypeNames
{
    private static readonly Dictionary<Type, string> Keywords = new()
    {
        [typeof(int)] = "int", [typeof(long)] = "long", [typeof(short)] = "short", [typeof(byte)] = "byte",
        [typeof(float)] = "float", [typeof(double)] = "double", [typeof(decimal)] = "decimal",
        [typeof(bool)] = "bool", [typeof(string)] = "string", [typeof(object)] = "object",
    };

    /// <summary>The stored name: the CLR full name (with generic arguments spelled out).</summary>
    public static string Of(Type type) => type.FullName ?? type.Name;

    /// <summary>The short name shown to people.</summary>
    public static string Display(Type type)
    {
        if (Keywords.TryGetValue(type, out var keyword)) return keyword;
        if (type.IsArray) return Display(type.GetElementType()!) + "[]";
        if (!type.IsGenericType) return type.Name;
        var name = type.Name[..type.Name.IndexOf('`')];
        return $"{name}<{string.Join(", ", type.GetGenericArguments().Select(Display))}>";
    }
}
