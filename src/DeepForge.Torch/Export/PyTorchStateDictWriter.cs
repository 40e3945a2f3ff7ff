using DeepForge.Torch.Architectures;
using DeepForge.Torch.Data;
using DeepForge.Torch.Layers;
using TorchSharp.PyBridge;
using static TorchSharp.torch;

namespace DeepForge.Torch.Export;

/// <summary>
/// Writes a <see cref="Model"/>'s weights as a PyTorch state_dict (<c>torch.save</c>'s zip format, through
/// TorchSharp.PyBridge). Names are the layer ids, as a PyTorch module with one attribute per layer
/// (<c>self.conv1 = nn.Conv2d(...)</c>) names them; the wrappers that make LSTM and GRU give only
/// their output sequence add no name, so <c>rnn.weight_ih_l0</c> is what <c>nn.LSTM</c> expects.
/// </summary>
internal static class PyTorchStateDictWriter
{
    public static void Write(Model model, Stream output)
    {
        // The pickler closes the stream it writes to; ToArray still reads a closed MemoryStream.
        var pickled = new MemoryStream();
        PyTorchPickler.PickleStateDict(pickled, StateDict(model));
        output.Write(pickled.ToArray());
    }

    /// <summary>The state_dict under the names a PyTorch module of the same architecture has.</summary>
    public static Dictionary<string, Tensor> StateDict(Model model)
    {
        var wrapped = model.Module is ArchitectureModule module
            ? module.Steps.Where(s => s.Module is LstmSequence or GruSequence).Select(s => s.Id).ToHashSet(StringComparer.Ordinal)
            : [];
        var state = new Dictionary<string, Tensor>(StringComparer.Ordinal);
        foreach (var (name, tensor) in model.Module.state_dict())
            state[PyTorchName(name, wrapped)] = tensor.detach().cpu();
        return state;
    }

    private static string PyTorchName(string name, HashSet<string> wrapped)
    {
        var parts = name.Split('.');
        return parts.Length == 3 && wrapped.Contains(parts[0]) ? $"{parts[0]}.{parts[2]}" : name;
    }
}
