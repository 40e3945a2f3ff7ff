using System.Text.Json;
using DeepForge.Configuration;

namespace DeepForge.Cli.Remote;

/// <summary>
/// The tokens <c>deepforge login URL</c> keeps, one per server (by scheme, host and port), in <c>logins.json</c> of the
/// data folder, readable by its owner only; <c>--server URL</c> commands send the one for their server.
/// </summary>
internal sealed class Logins(string dataDirectory)
{
    private string FilePath => Path.Combine(dataDirectory, "logins.json");

    public static string Key(string url)
    {
        if (!Uri.TryCreate(url.Trim(), UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
            throw new DeepForgeException(url, $"'{url}' is not a server address: give one like http://127.0.0.1:8888");
        return $"{uri.Scheme}://{uri.Host.ToLowerInvariant()}:{uri.Port}";
    }

    public string? TokenFor(string url) => Read().GetValueOrDefault(Key(url));

    public void Save(string url, string token)
    {
        var all = Read();
        all[Key(url)] = token;
        Write(all);
    }

    public bool Remove(string url)
    {
        var all = Read();
        var removed = all.Remove(Key(url));
        if (removed) Write(all);
        return removed;
    }

    private Dictionary<string, string> Read()
    {
        if (!File.Exists(FilePath)) return new(StringComparer.Ordinal);
        try { return JsonSerializer.Deserialize<Dictionary<string, string>>(File.ReadAllText(FilePath)) ?? new(StringComparer.Ordinal); }
        catch (JsonException e) { throw new DeepForgeException(FilePath, $"{FilePath} is not valid JSON ({e.Message}): delete it and run 'deepforge login URL' again"); }
    }

    private void Write(Dictionary<string, string> all)
    {
        PrivateFiles.CreateFolder(dataDirectory);
        var temp = FilePath + ".tmp";
        using (var file = new StreamWriter(temp, new System.Text.UTF8Encoding(false), PrivateFiles.Options(FileMode.Create)))
            file.Write(JsonSerializer.Serialize(all, new JsonSerializerOptions { WriteIndented = true }));
        File.Move(temp, FilePath, overwrite: true);
    }
}
