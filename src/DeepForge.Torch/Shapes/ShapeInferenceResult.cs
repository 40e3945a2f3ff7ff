namespace DeepForge.Torch.Shapes;

/// <summary>The shapes of an architecture's tensors for one sample (batch 1), or where they stop fitting.</summary>
public sealed class ShapeInferenceResult
{
    internal ShapeInferenceResult(IReadOnlyList<long>? inputShape, IReadOnlyDictionary<string, long[]> shapes, Problem? problem = null, string? failedLayer = null)
    {
        InputShape = inputShape;
        Shapes = shapes;
        Problem = problem;
        FailedLayer = failedLayer;
    }

    /// <summary>The input the shapes were worked out for, batch dimension first; null when none was known.</summary>
    public IReadOnlyList<long>? InputShape { get; }

    /// <summary>Each layer's output shape by layer id, in evaluation order; a connection carries the shape of the layer it leaves. Holds the layers before the failure when one failed.</summary>
    public IReadOnlyDictionary<string, long[]> Shapes { get; }

    /// <summary>What does not fit, and where; null when every layer fits.</summary>
    public Problem? Problem { get; }

    /// <summary>The id of the layer that does not fit, when the problem is about one.</summary>
    public string? FailedLayer { get; }

    /// <summary>Whether every layer fits.</summary>
    public bool Succeeded => Problem == null;

    /// <summary>The architecture's output shape, when every layer fits.</summary>
    public long[]? OutputShape => Succeeded && Shapes.Count > 0 ? Shapes.Values.Last() : null;
}
