using DeepForge.Torch.Layers;
using static TorchSharp.torch;

namespace DeepForge.Torch.Architectures;

/// <summary>
/// An architecture as one TorchSharp module: runs its layers in evaluation order, handing join
/// layers all their branches. Layers are registered under their ids, so parameters and state
/// dictionaries are named <c>&lt;layer id&gt;.&lt;parameter&gt;</c>.
/// </summary>
internal sealed class ArchitectureModule : nn.Module<Tensor, Tensor>
{
    // The position of the last step reading each step's output, after which the output can be freed.
    private readonly int[] _lastUse;

    // For each step, the outputs it is the last reader of: worked out once, because forward runs for
    // every batch and per-call LINQ showed up in bench train.
    private readonly int[][] _releaseAfter;

    public ArchitectureModule(string name, IReadOnlyList<LayerStep> steps, IEnumerable<string> registrationOrder)
        : base(string.IsNullOrEmpty(name) ? nameof(ArchitectureModule) : name)
    {
        Steps = steps;
        var byId = steps.ToDictionary(s => s.Id, StringComparer.Ordinal);
        foreach (var id in registrationOrder) register_module(id, byId[id].Module);
        _lastUse = new int[steps.Count];
        for (var i = 0; i < steps.Count; i++)
            foreach (var input in steps[i].Inputs) _lastUse[input] = i;
        _releaseAfter = Enumerable.Range(0, steps.Count)
            .Select(i => steps[i].Inputs.Where(input => _lastUse[input] == i).Distinct().ToArray()).ToArray();
    }

    /// <summary>The layers in evaluation order; the first takes the network's input, the last gives its output.</summary>
    public IReadOnlyList<LayerStep> Steps { get; }

    public override Tensor forward(Tensor input)
    {
        var outputs = new Tensor?[Steps.Count];
        for (var i = 0; i < Steps.Count; i++)
        {
            var step = Steps[i];
            outputs[i] = step.Inputs.Count <= 1 && step.Module is not JoinModule
                ? Invoke(step, step.Inputs.Count == 0 ? input : outputs[step.Inputs[0]]!)
                : Invoke(step, InputsOf(i, outputs, input));
            Release(i, outputs, input);
        }
        return outputs[^1]!;
    }

    /// <summary>Runs a layer of one input without building a list for it.</summary>
    private static Tensor Invoke(LayerStep step, Tensor single)
    {
        try
        {
            return step.Module.call(single);
        }
        catch (Exception e) when (e is DeepForgeException || TorchErrors.IsForeign(e))
        {
            throw Failure(step, [single], e);
        }
    }

    /// <summary>The tensors step <paramref name="index"/> takes: the network input for the first step, else its branches' outputs.</summary>
    public IReadOnlyList<Tensor> InputsOf(int index, IReadOnlyList<Tensor?> outputs, Tensor input) =>
        Steps[index].Inputs.Count == 0 ? [input] : Steps[index].Inputs.Select(i => outputs[i]!).ToList();

    /// <summary>Runs one layer; a failure becomes an error naming the layer and the shapes it got.</summary>
    public static Tensor Invoke(LayerStep step, IReadOnlyList<Tensor> inputs)
    {
        try
        {
            return step.Module is JoinModule join ? join.Join(inputs) : step.Module.call(inputs[0]);
        }
        catch (Exception e) when (e is DeepForgeException || TorchErrors.IsForeign(e))
        {
            throw Failure(step, inputs, e);
        }
    }

    /// <summary>What a layer's failure becomes: our error, naming the layer and the shapes it got.</summary>
    private static Exception Failure(LayerStep step, IReadOnlyList<Tensor> inputs, Exception e)
    {
        if (e is DeepForgeException ours)
        {
            TorchErrors.Tag(ours, step.Id);
            return ours;
        }
        var shapes = string.Join(" and ", inputs.Select(t => ShapeText.Of(t.shape)));
        return TorchErrors.Layer(step.Id, step.Location,
            $"{step.Location} ({step.Type.Name}) failed on input shape {shapes}: {TorchErrors.Describe(e)}", TorchErrors.Unwrap(e));
    }

    // Intermediate results are freed as soon as the last layer reading them has run, as TorchSharp's
    // Sequential does, so a forward pass outside a dispose scope does not wait for the GC to free memory.
    // Autograd keeps what it needs through libtorch's own reference counts.
    private void Release(int step, Tensor?[] outputs, Tensor input)
    {
        foreach (var i in _releaseAfter[step])
        {
            var tensor = outputs[i]!;
            outputs[i] = null;
            if (!ReferenceEquals(tensor, input) && !IsLive(outputs, tensor)) tensor.Dispose();
        }
    }

    private static bool IsLive(Tensor?[] outputs, Tensor tensor)
    {
        foreach (var output in outputs)
            if (ReferenceEquals(output, tensor)) return true;
        return false;
    }
}
