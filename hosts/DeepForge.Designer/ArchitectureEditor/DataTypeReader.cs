using System.Reflection;
using DeepForge.Operations;

namespace DeepForge.Designer.ArchitectureEditor;

/// <summary>
/// Reads a data type from compiled code the way the engine stores values: a serializer registered for the
/// type or its nearest base type, else JSON for plain values (a type holding resources needs its own).
/// </summary>
internal static class DataTypeReader
{
    public static DataTypeInfo Read(CompiledCode code, string name)
    {
        if (code.Assembly == null)
            return new DataTypeInfo(name, null, null, code.Errors.Count > 0 ? $"the code does not compile: {code.Errors[0]}" : "the project has no code");
        var type = Types(code.Assembly).FirstOrDefault(t => t.Name == name && t.IsPublic);
        if (type == null) return new DataTypeInfo(name, null, null, $"the code declares no public type '{name}'");
        var baseType = type.BaseType is { } b && b != typeof(object) ? Friendly(b) : "none (object)";
        return new DataTypeInfo(name, baseType, Storage(type, [code.Assembly, typeof(Torch.Shapes.ShapeInference).Assembly]), null);
    }

    private static string Storage(Type type, IReadOnlyList<Assembly> assemblies)
    {
        var serializers = assemblies.SelectMany(Types).Where(t => t is { IsAbstract: false, IsGenericTypeDefinition: false })
            .SelectMany(t => t.GetInterfaces().Where(IsSerializerContract).Select(i => (Serializer: t, For: i.GetGenericArguments()[0])))
            .ToList();
        for (var t = type; t != null; t = t.BaseType)
            if (serializers.FirstOrDefault(s => s.For == t) is { Serializer: { } serializer })
                return t == type
                    ? $"by {serializer.Name} (its IDataSerializer<{t.Name}>)"
                    : $"by {serializer.Name}, the IDataSerializer<{t.Name}> of its base type {t.Name}";
        if (typeof(IDisposable).IsAssignableFrom(type))
            return $"cannot be stored yet: it holds resources (IDisposable), so write an IDataSerializer<{type.Name}>";
        return "as JSON (its public properties), as plain values are; write an IDataSerializer<T> to choose otherwise";
    }

    private static bool IsSerializerContract(Type i) => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IDataSerializer<>);

    private static string Friendly(Type type) =>
        type.IsGenericType ? $"{type.Name[..type.Name.IndexOf('`')]}<{string.Join(", ", type.GetGenericArguments().Select(Friendly))}>" : type.Name;

    private static IEnumerable<Type> Types(Assembly assembly)
    {
        try { return assembly.GetTypes(); }
        catch (ReflectionTypeLoadException e) { return e.Types.OfType<Type>(); }
    }
}
