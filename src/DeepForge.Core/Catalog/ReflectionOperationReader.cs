using System.ComponentModel.DataAnnotations;
using System.Reflection;
using System.Runtime.CompilerServices;
using System.Text.Json;
using DeepForge.Operations;

namespace DeepForge.Catalog;

/// <summary>Reads an operation's interface from a compiled type.</summary>
internal static class ReflectionOperationReader
{
    private static readonly HashSet<Type> ContextTypes = [typeof(OperationContext), typeof(CancellationToken)];

    public static IEnumerable<Type> FindOperationTypes(Assembly assembly) => SafeTypes(assembly).Where(IsOperationType);

    /// <summary>Whether the catalog takes the type for an operation: public, concrete, deriving from <see cref="Operation"/>.</summary>
    public static bool IsOperationType(Type type) => type is { IsAbstract: false, IsPublic: true } && typeof(Operation).IsAssignableFrom(type);

    /// <summary>Reads the type, or throws <see cref="DeepForgeException"/> naming what is wrong with it.</summary>
    public static OperationType Read(Type type, string origin, string codeHash)
    {
        var info = type.GetCustomAttribute<OperationAttribute>();
        var name = info?.Name ?? type.Name;
        var constructor = type.GetConstructors().OrderByDescending(c => c.GetParameters().Length).FirstOrDefault()
            ?? throw Problem(name, "has no public constructor");
        var execute = FindExecute(type, name);
        var inputs = execute.GetParameters().Where(p => !ContextTypes.Contains(p.ParameterType)).ToList();
        var (outputNames, outputTypes) = ReadOutputs(execute, name);
        return new OperationType
        {
            Type = type, Constructor = constructor, Execute = execute, CodeHash = codeHash,
            InputTypes = inputs.Select(p => p.ParameterType).ToList(),
            OutputTypes = outputTypes,
            Descriptor = new OperationDescriptor
            {
                Name = name, Category = info?.Category ?? "Operations", Description = info?.Description,
                Labels = info?.Labels ?? [], Cacheable = info?.Cacheable ?? true, Origin = origin,
                TypeName = type.FullName ?? type.Name,
                Inputs = inputs.Select(p => Port(p.Name!, p.ParameterType) with { Optional = p.HasDefaultValue }).ToList(),
                Outputs = outputNames.Zip(outputTypes, Port).ToList(),
                Attributes = constructor.GetParameters().Where(p => AttributeKinds.Of(p.ParameterType) != null).Select(ReadAttribute).ToList(),
                References = constructor.GetParameters().Where(p => AttributeKinds.Of(p.ParameterType) == null)
                    .Select(p => new ReferenceDescriptor(p.Name!, ReferenceKind(p, name))).ToList(),
            },
        };
    }

    private static MethodInfo FindExecute(Type type, string name)
    {
        var candidates = type.GetMethods(BindingFlags.Public | BindingFlags.Instance)
            .Where(m => m.Name is "Execute" or "ExecuteAsync").ToList();
        return candidates.Count switch
        {
            1 => candidates[0],
            0 => throw Problem(name, "has no public Execute or ExecuteAsync method"),
            _ => throw Problem(name, "has more than one Execute method; keep one"),
        };
    }

    private static (IReadOnlyList<string>, IReadOnlyList<Type>) ReadOutputs(MethodInfo execute, string name)
    {
        var type = UnwrapTask(execute.ReturnType);
        if (type == null) return ([], []);
        var declared = execute.ReturnParameter.GetCustomAttribute<OutputAttribute>()?.Names;
        if (!IsValueTuple(type))
            return ([declared is { Count: > 0 } ? declared[0] : "result"], [type]);
        var elements = type.GetGenericArguments();
        var names = declared is { Count: > 0 } ? declared.ToList<string?>()
            : execute.ReturnParameter.GetCustomAttribute<TupleElementNamesAttribute>()?.TransformNames.Take(elements.Length).ToList();
        if (names == null || names.Count != elements.Length || names.Any(n => n == null))
            throw Problem(name, "returns a tuple whose elements are not all named; name them, e.g. (Tensor train, Tensor test)");
        return (names.Select(n => n!).ToList(), elements);
    }

    private static Type? UnwrapTask(Type type)
    {
        if (type == typeof(void) || type == typeof(Task) || type == typeof(ValueTask)) return null;
        if (type.IsGenericType && (type.GetGenericTypeDefinition() == typeof(Task<>) || type.GetGenericTypeDefinition() == typeof(ValueTask<>)))
            return type.GetGenericArguments()[0];
        return type;
    }

    internal static bool IsValueTuple(Type type) =>
        type.IsGenericType && type.FullName!.StartsWith("System.ValueTuple`", StringComparison.Ordinal);

    private static PortDescriptor Port(string name, Type type) => new(name, DataTypeNames.Of(type), DataTypeNames.Display(type));

    private static AttributeDescriptor ReadAttribute(ParameterInfo parameter)
    {
        var type = Nullable.GetUnderlyingType(parameter.ParameterType) ?? parameter.ParameterType;
        JsonElement? defaultValue = parameter.HasDefaultValue && parameter.DefaultValue != null
            ? JsonSerializer.SerializeToElement(type.IsEnum ? Enum.GetName(type, parameter.DefaultValue) : parameter.DefaultValue, Data.Json.Options)
            : null;
        var values = type.IsEnum ? Enum.GetNames(type) : null;
        var kind = AttributeKinds.Of(type)!;
        return new AttributeDescriptor(parameter.Name!, kind, defaultValue, values, kind is "integer" or "number" ? ReadRange(parameter) : null);
    }

    private static AttributeRange? ReadRange(ParameterInfo parameter) =>
        parameter.GetCustomAttribute<RangeAttribute>() is { } range
            ? AttributeRange.From(range.Minimum, range.Maximum, range.MinimumIsExclusive, range.MaximumIsExclusive)
            : null;

    private static string ReferenceKind(ParameterInfo parameter, string name) =>
        parameter.ParameterType == typeof(Architecture)
            ? "architecture"
            : throw Problem(name, $"constructor parameter '{parameter.Name}' has type {parameter.ParameterType.Name}; attributes are numbers, strings, booleans or enums, and references are Architecture");

    private static DeepForgeException Problem(string operation, string message) =>
        new(new Problem($"operation '{operation}'", $"operation '{operation}' {message}"));

    private static IEnumerable<Type> SafeTypes(Assembly assembly)
    {
        try { return assembly.GetExportedTypes(); }
        catch (ReflectionTypeLoadException e) { return e.Types.OfType<Type>(); }
    }
}
