using System.Text.Json;
using DeepForge.Data;

namespace DeepForge.Cli.Folders;

/// <summary>
/// <c>.deepforge/pulled.json</c>: which project a folder was pulled from and at which version, so a push stores the
/// folder only over that version (a compare-and-set) and never over edits made elsewhere since.
/// </summary>
internal sealed record PulledRecord(string Project, long Version)
{
    public const string RelativePath = ".deepforge/pulled.json";

    public static PulledRecord? Read(string directory)
    {
        var path = Path.Combine(directory, RelativePath);
        if (!File.Exists(path)) return null;
        try
        {
            return JsonSerializer.Deserialize<PulledRecord>(File.ReadAllText(path), Json.Options);
        }
        catch (JsonException e)
        {
            throw new DeepForgeException(path, $"{path} is not a pull record ({e.Message}): delete it and push with --project NAME --force, or pull again");
        }
    }

    public void Write(string directory)
    {
        var path = Path.Combine(directory, RelativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, JsonSerializer.Serialize(this, Json.Indented) + "\n");
    }
}
