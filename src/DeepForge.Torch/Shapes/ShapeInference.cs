using System.Reflection;
using DeepForge.Models;
using DeepForge.Operations;
using DeepForge.Torch.Architectures;
using DeepForge.Torch.Native;
using static TorchSharp.torch;

namespace DeepForge.Torch.Shapes;

/// <summary>
/// Works out the shape of every layer's output for one sample, so an editor can label each
/// connection, and explains the first layer whose input does not fit.
/// </summary>
/// <remarks>It runs a forward pass on zeros with batch 1, layer by layer: the shapes are then exactly what training will see.</remarks>
public static class ShapeInference
{
    /// <summary>Infers the shapes of <paramref name="architecture"/>; see <see cref="Infer(ArchitectureDefinition, IReadOnlyDictionary{string, ArchitectureDefinition}?, IEnumerable{Assembly}?, IReadOnlyList{long}?)"/>.</summary>
    public static ShapeInferenceResult Infer(this Architecture architecture, IReadOnlyList<long>? inputShape = null) =>
        Infer(architecture.Definition, architecture.Library, architecture.Assemblies, inputShape);

    /// <summary>
    /// Infers the output shape of every layer for an input of <paramref name="inputShape"/> (one sample,
    /// without the batch dimension; <see cref="ArchitectureDefinition.InputShape"/> when null).
    /// Never throws for a wrong architecture: the result names the problem instead.
    /// </summary>
    public static ShapeInferenceResult Infer(ArchitectureDefinition definition,
        IReadOnlyDictionary<string, ArchitectureDefinition>? library = null,
        IEnumerable<Assembly>? assemblies = null,
        IReadOnlyList<long>? inputShape = null)
    {
        var sample = inputShape ?? definition.InputShape;
        var where = $"architecture '{definition.Name}'";
        if (InputShapeProblem(sample, where) is { } wrongInput) return Failed(null, wrongInput);
        var batched = sample!.Prepend(1L).ToArray();
        TorchNative.EnsureLoaded();
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        try
        {
            using var module = ArchitectureExtensions.BuildModule(definition, library ?? new Dictionary<string, ArchitectureDefinition>(), assemblies ?? []);
            // Evaluation mode: batch normalisation refuses a batch of one while training.
            module.eval();
            return Run(module, batched);
        }
        catch (DeepForgeException e)
        {
            return Failed(batched, e.Problems[0], TorchErrors.LayerOf(e));
        }
        catch (Exception e) when (TorchErrors.IsForeign(e))
        {
            // Such as an input too large to allocate: still an answer for the editor, not a crash.
            return Failed(batched, new Problem(where, $"{where} could not be run on input shape {ShapeText.Of(batched)}: {TorchErrors.Describe(e)}"));
        }
    }

    private static Problem? InputShapeProblem(IReadOnlyList<long>? sample, string where)
    {
        if (sample == null) return new Problem(where, $"{where} has no input shape; give the shape of one sample, e.g. [3, 32, 32]");
        return sample.Any(d => d <= 0) ? new Problem(where, $"{where} has input shape {ShapeText.Of(sample)}; every dimension must be positive") : null;
    }

    private static ShapeInferenceResult Run(ArchitectureModule module, long[] batched)
    {
        var steps = module.Steps;
        // Embeddings look up indices, so they need integer input; everything else takes floats.
        using var input = zeros(batched, steps[0].Type.Name == "Embedding" ? ScalarType.Int64 : ScalarType.Float32);
        var outputs = new Tensor?[steps.Count];
        var inputShapes = new long[steps.Count][];
        var shapes = new Dictionary<string, long[]>(StringComparer.Ordinal);
        for (var i = 0; i < steps.Count; i++)
        {
            var tensors = module.InputsOf(i, outputs, input);
            inputShapes[i] = tensors[0].shape;
            var stepInput = new StepInput(tensors, steps[i].Inputs.Select(n => steps[n].Id).ToList(), Describe(module, i, inputShapes));
            if (InputChecks.Check(steps[i], stepInput) is { } problem)
                return Failed(batched, new Problem(steps[i].Location, problem), steps[i].Id, shapes);
            try
            {
                outputs[i] = ArchitectureModule.Invoke(steps[i], tensors);
            }
            catch (DeepForgeException e)
            {
                return Failed(batched, e.Problems[0], steps[i].Id, shapes);
            }
            shapes[steps[i].Id] = outputs[i]!.shape;
        }
        return new ShapeInferenceResult(batched, shapes);
    }

    // A Linear after a Flatten gets a long vector; naming the shape before flattening shows where it came from.
    private static string Describe(ArchitectureModule module, int step, long[][] inputShapes)
    {
        var sources = module.Steps[step].Inputs;
        if (sources.Count > 0 && module.Steps[sources[0]].Type.Name == "Flatten")
            return $"shape {ShapeText.Of(inputShapes[sources[0]])} flattened";
        return $"input shape {ShapeText.Of(inputShapes[step])}";
    }

    private static ShapeInferenceResult Failed(long[]? batched, Problem problem, string? layer = null, Dictionary<string, long[]>? shapes = null) =>
        new(batched, shapes ?? new Dictionary<string, long[]>(), problem, layer);
}
