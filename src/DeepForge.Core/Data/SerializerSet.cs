using System.Collections.Concurrent;
using System.Reflection;
using DeepForge.Operations;

namespace DeepForge.Data;

/// <summary>
/// Finds how a data type is stored: a serializer registered for the type or its nearest base type,
/// else JSON for plain values.
/// </summary>
internal sealed class SerializerSet
{
    private readonly Dictionary<Type, IValueSerializer> _registered = new();
    private readonly ConcurrentDictionary<Type, IValueSerializer> _resolved = new();

    public void AddFrom(Assembly assembly)
    {
        foreach (var type in SafeTypes(assembly).Where(t => t is { IsAbstract: false, IsGenericTypeDefinition: false }))
            foreach (var contract in type.GetInterfaces().Where(IsSerializerContract))
                Register(contract.GetGenericArguments()[0], type);
    }

    public IValueSerializer For(Type type) => _resolved.GetOrAdd(type, Find);

    private IValueSerializer Find(Type type)
    {
        for (var t = type; t != null; t = t.BaseType)
            if (_registered.TryGetValue(t, out var serializer)) return serializer;
        foreach (var contract in type.GetInterfaces())
            if (_registered.TryGetValue(contract, out var serializer)) return serializer;
        if (typeof(IDisposable).IsAssignableFrom(type))
            throw new DeepForgeException($"data type {type.Name}", $"data type {type.FullName} holds resources and has no IDataSerializer<{type.Name}>; write one");
        return new JsonValueSerializer(type);
    }

    private void Register(Type dataType, Type serializerType)
    {
        if (serializerType.GetConstructor(Type.EmptyTypes) == null) return;
        var instance = Activator.CreateInstance(serializerType)!;
        var adapter = typeof(TypedValueSerializer<>).MakeGenericType(dataType);
        _registered[dataType] = (IValueSerializer)Activator.CreateInstance(adapter, instance)!;
        _resolved.Clear();
    }

    private static bool IsSerializerContract(Type i) => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IDataSerializer<>);

    private static IEnumerable<Type> SafeTypes(Assembly assembly)
    {
        try { return assembly.GetTypes(); }
        catch (ReflectionTypeLoadException e) { return e.Types.OfType<Type>(); }
    }
}
