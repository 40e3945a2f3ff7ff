using System.Runtime.CompilerServices;
using System.Runtime.Loader;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace DeepForge.Data;

/// <summary>
/// The one JSON configuration of DeepForge: camelCase, enums as strings, nulls left out, and NaN and
/// ±Infinity written as the strings "NaN", "Infinity" and "-Infinity" (a diverged loss is data, not an
/// error). The store, the REST API, the runner protocol, the designer and the command all use it.
/// </summary>
public static class Json
{
    /// <summary>The options, compact.</summary>
    public static readonly JsonSerializerOptions Options = Create(indented: false);
    /// <summary>The options, indented for people to read.</summary>
    public static readonly JsonSerializerOptions Indented = Create(indented: true);

    // Options cache the metadata of every type they met, for as long as they live: a type of project code (a collectible
    // context) must not be met by the static options above, or its context could never unload. Each such context gets
    // options of its own that live as long as the context does.
    private static readonly ConditionalWeakTable<AssemblyLoadContext, JsonSerializerOptions> PerContext = new();

    /// <summary>The options to use for values of <paramref name="type"/>: <see cref="Options"/>, or, for a type of unloadable project code, options that go with its context.</summary>
    public static JsonSerializerOptions For(Type type) =>
        type.IsCollectible && CollectibleAssembly(type) is { } assembly && AssemblyLoadContext.GetLoadContext(assembly) is { } context
            ? PerContext.GetValue(context, _ => OwnOptions())
            : Options;

    /// <summary>Writes a value with these options.</summary>
    public static string Serialize<T>(T value) => JsonSerializer.Serialize(value, Options);

    /// <summary>Reads a value with these options; throws when the JSON is null.</summary>
    public static T Deserialize<T>(string json) =>
        JsonSerializer.Deserialize<T>(json, Options) ?? throw new InvalidDataException($"stored {typeof(T).Name} is null");

    /// <summary>Gives options made elsewhere (ASP.NET Core's, a client's) DeepForge's settings, so every side reads what the others write.</summary>
    public static JsonSerializerOptions Configure(JsonSerializerOptions options)
    {
        options.PropertyNamingPolicy = JsonNamingPolicy.CamelCase;
        options.PropertyNameCaseInsensitive = true;
        options.NumberHandling = JsonNumberHandling.AllowReadingFromString | JsonNumberHandling.AllowNamedFloatingPointLiterals;
        options.DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull;
        options.ReadCommentHandling = JsonCommentHandling.Skip;
        options.AllowTrailingCommas = true;
        if (!options.Converters.Any(c => c is JsonStringEnumConverter))
            options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase));
        return options;
    }

    // A resolver of their own keeps these options from sharing the metadata cache of equal options (System.Text.Json shares caches between options with equal settings).
    private static JsonSerializerOptions OwnOptions()
    {
        var options = new JsonSerializerOptions(Options) { TypeInfoResolver = new DefaultJsonTypeInfoResolver() };
        options.MakeReadOnly();
        return options;
    }

    // A constructed type (List<T>, T[]) of project code belongs to the context of its collectible part.
    private static System.Reflection.Assembly? CollectibleAssembly(Type type)
    {
        if (type.Assembly.IsCollectible) return type.Assembly;
        if (type.HasElementType) return CollectibleAssembly(type.GetElementType()!);
        return type.IsGenericType ? type.GetGenericArguments().Select(CollectibleAssembly).FirstOrDefault(a => a != null) : null;
    }

    private static JsonSerializerOptions Create(bool indented)
    {
        var options = Configure(new JsonSerializerOptions(JsonSerializerDefaults.Web) { WriteIndented = indented });
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}
