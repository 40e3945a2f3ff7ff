using DeepForge.Models;
using DeepForge.Operations;
using DeepForge.Torch.Architectures;
using static TorchSharp.torch;

namespace DeepForge.Torch.Data;

/// <summary>A network with its weights: the architecture it was built from and the built module.</summary>
/// <remarks>Stored as the architecture (JSON) plus the state dictionary, and read back by rebuilding the architecture.</remarks>
public sealed class Model : IDisposable
{
    /// <summary>Builds a fresh model (new weights) from <paramref name="architecture"/>.</summary>
    public Model(Architecture architecture) : this(architecture, architecture.Build()) { }

    /// <summary>Wraps a module built from <paramref name="architecture"/> with <see cref="ArchitectureExtensions.Build"/>; the model takes ownership of it.</summary>
    public Model(Architecture architecture, nn.Module<Tensor, Tensor> module)
    {
        Architecture = architecture;
        Module = module;
    }

    /// <summary>The architecture, with the library of architectures its layers may name.</summary>
    public Architecture Architecture { get; }

    /// <summary>The architecture as drawn.</summary>
    public ArchitectureDefinition Definition => Architecture.Definition;

    /// <summary>The other architectures its nested layers name.</summary>
    public IReadOnlyDictionary<string, ArchitectureDefinition> Library => Architecture.Library;

    /// <summary>The network.</summary>
    public nn.Module<Tensor, Tensor> Module { get; }

    /// <summary>Runs the network.</summary>
    public Tensor Forward(Tensor input) => Module.call(input);

    /// <inheritdoc />
    public void Dispose() => Module.Dispose();
}
