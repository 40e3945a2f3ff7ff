using System.Reflection;
using System.Text.Json;
using NuGet.Versioning;

namespace DeepForge.Extensions;

/// <summary>What the host (this deepforge) ships: its packages, from its deps.json, and the assemblies in its folder.</summary>
internal static class HostPackages
{
    private static readonly Lazy<Dictionary<string, NuGetVersion>> Libraries = new(ReadDeps);

    /// <summary>Whether a package is one the host already has, so an extension must not bring its own copy.</summary>
    public static bool Ships(string id) =>
        id.StartsWith("DeepForge.", StringComparison.OrdinalIgnoreCase)
        || id.Equals("TorchSharp", StringComparison.OrdinalIgnoreCase)
        || id.StartsWith("TorchSharp-", StringComparison.OrdinalIgnoreCase)
        || id.StartsWith("libtorch-", StringComparison.OrdinalIgnoreCase)
        || id.StartsWith("Microsoft.Extensions.", StringComparison.OrdinalIgnoreCase)
        || id.StartsWith("System.", StringComparison.OrdinalIgnoreCase)
        || id.StartsWith("Microsoft.NETCore.", StringComparison.OrdinalIgnoreCase)
        || id.Equals("NETStandard.Library", StringComparison.OrdinalIgnoreCase)
        || Libraries.Value.ContainsKey(id)
        || HasAssembly(id + ".dll");

    /// <summary>Whether the host's folder holds an assembly of this file name.</summary>
    public static bool HasAssembly(string fileName) => File.Exists(Path.Combine(AppContext.BaseDirectory, fileName));

    /// <summary>The version of a package the host ships and extensions must not need newer: DeepForge.* and TorchSharp.</summary>
    public static NuGetVersion? PinnedVersion(string id)
    {
        if (!id.StartsWith("DeepForge.", StringComparison.OrdinalIgnoreCase) && !id.Equals("TorchSharp", StringComparison.OrdinalIgnoreCase)) return null;
        if (Libraries.Value.TryGetValue(id, out var version)) return version;
        if (id.StartsWith("DeepForge.", StringComparison.OrdinalIgnoreCase)) return DeepForgeVersion;
        return typeof(TorchSharp.torch).Assembly.GetName().Version is { } v ? new NuGetVersion(v.Major, v.Minor, v.Build < 0 ? 0 : v.Build) : null;
    }

    /// <summary>This deepforge's version (DeepForge.Core's package version).</summary>
    public static NuGetVersion DeepForgeVersion
    {
        get
        {
            var text = typeof(DeepForge.Operations.Operation).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "0.0.0";
            return NuGetVersion.TryParse(text.Split('+')[0], out var v) ? v : new NuGetVersion(0, 0, 0);
        }
    }

    private static Dictionary<string, NuGetVersion> ReadDeps()
    {
        var result = new Dictionary<string, NuGetVersion>(StringComparer.OrdinalIgnoreCase);
        var name = Assembly.GetEntryAssembly()?.GetName().Name;
        var path = Path.Combine(AppContext.BaseDirectory, name + ".deps.json");
        if (name == null || !File.Exists(path)) return result;
        using var document = JsonDocument.Parse(File.ReadAllText(path));
        if (!document.RootElement.TryGetProperty("libraries", out var libraries)) return result;
        foreach (var library in libraries.EnumerateObject())
        {
            var slash = library.Name.IndexOf('/');
            if (slash > 0 && NuGetVersion.TryParse(library.Name[(slash + 1)..], out var version))
                result[library.Name[..slash]] = version;
        }
        return result;
    }
}
