using System.Text.Json;

namespace DeepForge.Extensions;

/// <summary>
/// The record of installed extensions: <c>&lt;data&gt;/extensions.json</c>, with each extension unpacked
/// under <c>&lt;data&gt;/extensions/&lt;id&gt;/&lt;version&gt;/</c>.
/// </summary>
public static class ExtensionManifest
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    /// <summary>The path of <c>extensions.json</c> in a data folder.</summary>
    public static string FilePath(string dataDirectory) => Path.Combine(dataDirectory, "extensions.json");

    /// <summary>The folder extensions are unpacked into.</summary>
    public static string ExtensionsDirectory(string dataDirectory) => Path.Combine(dataDirectory, "extensions");

    /// <summary>The installed extensions; none when the file is missing.</summary>
    public static IReadOnlyList<InstalledExtension> Read(string dataDirectory)
    {
        var path = FilePath(dataDirectory);
        if (!File.Exists(path)) return [];
        try
        {
            return JsonSerializer.Deserialize<ExtensionsFile>(File.ReadAllText(path), Json)?.Extensions ?? [];
        }
        catch (JsonException e)
        {
            throw new DeepForgeException(path, $"cannot read the installed extensions: {e.Message}", e);
        }
    }

    /// <summary>Replaces the record, atomically (written beside it, then moved over it).</summary>
    public static void Write(string dataDirectory, IEnumerable<InstalledExtension> extensions)
    {
        Directory.CreateDirectory(dataDirectory);
        var path = FilePath(dataDirectory);
        var temp = path + $".{Guid.NewGuid():N}.tmp";
        File.WriteAllText(temp, JsonSerializer.Serialize(new ExtensionsFile { Extensions = extensions.OrderBy(e => e.Id, StringComparer.OrdinalIgnoreCase).ToList() }, Json));
        File.Move(temp, path, overwrite: true);
    }

    /// <summary>An absolute path for a path recorded relative to the data folder.</summary>
    public static string Resolve(string dataDirectory, string path) => Path.GetFullPath(Path.Combine(dataDirectory, path));

    private sealed class ExtensionsFile
    {
        public List<InstalledExtension> Extensions { get; set; } = [];
    }
}
