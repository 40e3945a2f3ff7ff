using System.Reflection;

namespace DeepForge.Torch;

/// <summary>Turns exceptions from TorchSharp and from user layer code into <see cref="DeepForgeException"/>s that name a place.</summary>
internal static class TorchErrors
{
    /// <summary>The key under which an error remembers the id of the top-level layer it is about, for editors that highlight it.</summary>
    public const string LayerKey = "DeepForge.Layer";

    /// <summary>Errors we pass through untouched: ours already name a place, and cancellation is not a failure.</summary>
    public static bool IsForeign(Exception e) => e is not (DeepForgeException or OperationCanceledException or OutOfMemoryException);

    /// <summary>The first line of a message: libtorch appends a C++ stack trace nobody designing a network needs.</summary>
    public static string Describe(Exception e)
    {
        var inner = Unwrap(e);
        var message = inner.Message.Trim();
        var end = message.IndexOfAny(['\r', '\n']);
        return end < 0 ? message : message[..end].Trim();
    }

    /// <summary>The exception a reflective call threw, rather than the wrapper reflection puts around it.</summary>
    public static Exception Unwrap(Exception e) =>
        e is TargetInvocationException { InnerException: { } inner } ? Unwrap(inner) : e;

    /// <summary>Makes an error about a layer and remembers the layer's id.</summary>
    public static DeepForgeException Layer(string layerId, string location, string message, Exception? inner = null) =>
        Tag(new DeepForgeException(location, message, inner), layerId);

    /// <summary>Records which top-level layer an error is about; an outer layer overwrites an inner one.</summary>
    public static DeepForgeException Tag(DeepForgeException e, string layerId)
    {
        e.Data[LayerKey] = layerId;
        return e;
    }

    /// <summary>The layer id an error was tagged with, if any.</summary>
    public static string? LayerOf(DeepForgeException e) => e.Data[LayerKey] as string;
}
