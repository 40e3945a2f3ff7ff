using System.Reflection;
using System.Text.Json;
using DeepForge.Operations;
using DeepForge.Torch.Architectures;
using DeepForge.Torch.Native;
using static TorchSharp.torch;

namespace DeepForge.Torch.Data;

/// <summary>
/// Stores a <see cref="Model"/> as its architecture (JSON) and its state dictionary; reading rebuilds
/// the architecture, finding custom layers among the assemblies loaded in the process, and loads the weights.
/// </summary>
public sealed class ModelSerializer : IDataSerializer<Model>
{
    private const string Magic = "DFMODEL1";
    private const string What = "model";

    /// <inheritdoc />
    public void Serialize(Model value, Stream stream)
    {
        TorchNative.EnsureLoaded();
        using var writer = StoredFormat.Writer(stream);
        StoredFormat.WriteMagic(writer, Magic);
        var stored = new StoredModel(value.Definition, value.Library.ToDictionary(), value.Module.training);
        writer.Write(JsonSerializer.Serialize(stored, DeepForge.Data.Json.Options));
        var state = value.Module.state_dict();
        writer.Write(state.Count);
        foreach (var (name, tensor) in state)
        {
            writer.Write(name);
            TensorFormat.Write(writer, tensor);
        }
    }

    /// <inheritdoc />
    public Model Deserialize(Stream stream)
    {
        TorchNative.EnsureLoaded();
        using var reader = StoredFormat.Reader(stream);
        var stored = StoredFormat.Read(What, () =>
        {
            StoredFormat.ExpectMagic(reader, Magic, What);
            return ReadArchitecture(reader);
        });
        var architecture = new Architecture(stored.Definition, stored.Library, LayerAssemblies());
        var module = architecture.Build();
        try
        {
            StoredFormat.Read(What, () => LoadState(reader, module));
            module.train(stored.Training);
            return new Model(architecture, module);
        }
        catch
        {
            module.Dispose();
            throw;
        }
    }

    private static StoredModel ReadArchitecture(BinaryReader reader)
    {
        try
        {
            return JsonSerializer.Deserialize<StoredModel>(reader.ReadString(), DeepForge.Data.Json.Options)
                ?? throw new InvalidDataException("the architecture is null");
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"the architecture is not valid JSON: {e.Message}", e);
        }
    }

    // Copies each stored tensor into the module's own parameter or buffer, so a mismatch names the tensor.
    private static bool LoadState(BinaryReader reader, nn.Module<Tensor, Tensor> module)
    {
        var target = module.state_dict();
        var count = reader.ReadInt32();
        var loaded = new HashSet<string>(StringComparer.Ordinal);
        using var noGrad = no_grad();
        for (var i = 0; i < count; i++)
        {
            var name = reader.ReadString();
            using var source = TensorFormat.Read(reader);
            if (!target.TryGetValue(name, out var destination))
                throw new InvalidDataException($"it holds '{name}', which the rebuilt architecture does not have");
            if (!destination.shape.SequenceEqual(source.shape))
                throw new InvalidDataException($"'{name}' is stored as [{string.Join(", ", source.shape)}] but the architecture makes it [{string.Join(", ", destination.shape)}]");
            destination.copy_(source);
            loaded.Add(name);
        }
        var missing = target.Keys.Where(k => !loaded.Contains(k)).ToList();
        if (missing.Count > 0) throw new InvalidDataException($"it lacks {string.Join(", ", missing.Select(k => $"'{k}'"))}");
        return true;
    }

    // Custom layers can live in any loaded assembly that uses TorchSharp; later loads win, so a
    // recompiled project's newest layer classes replace older ones of the same name.
    private static IReadOnlyList<Assembly> LayerAssemblies() =>
        AppDomain.CurrentDomain.GetAssemblies()
            .Where(a => !a.IsDynamic && a.GetReferencedAssemblies().Any(r => r.Name == "TorchSharp"))
            .ToList();
}
