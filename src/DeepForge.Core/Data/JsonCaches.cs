using System.Reflection;
using System.Reflection.Metadata;
using System.Text.Json;

namespace DeepForge.Data;

/// <summary>
/// Empties System.Text.Json's process-wide caches. Its reflection-emit member accessors are cached statically for every
/// type ever serialized, and released only after later, unrelated calls (dotnet/runtime#65323): unloaded project code
/// would stay in memory. The library clears them for hot reload through its metadata update handler, whose
/// <c>ClearCache(Type[]?)</c> is the documented protocol; we call that same handler when project code is unloaded.
/// </summary>
internal static class JsonCaches
{
    private static readonly Action? ClearAll = Find();

    /// <summary>Clears the caches; they fill again on the next use. Does nothing when the handler is not there.</summary>
    public static void Clear() => ClearAll?.Invoke();

    private static Action? Find()
    {
        var clear = typeof(JsonSerializer).Assembly.GetCustomAttributes<MetadataUpdateHandlerAttribute>()
            .Select(a => a.HandlerType.GetMethod("ClearCache", BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static, [typeof(Type[])]))
            .FirstOrDefault(m => m != null);
        return clear == null ? null : () => clear.Invoke(null, [null]);
    }
}
