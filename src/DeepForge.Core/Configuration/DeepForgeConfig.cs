using System.Text.Json;
using System.Text.Json.Nodes;

namespace DeepForge.Configuration;

/// <summary>
/// The settings in <c>&lt;data&gt;/config.json</c> as the original's <c>deepforge config</c> kept them,
/// with environment variables that override them for one run.
/// </summary>
internal sealed class DeepForgeConfig(string dataDirectory)
{
    public static readonly IReadOnlyList<ConfigKey> Keys =
    [
        new("blob.dir", "DEEPFORGE_BLOB_DIR", d => Path.Combine(d, "blob")),
        new("worker.dir", "DEEPFORGE_WORKER_DIR", d => Path.Combine(d, "worker")),
        new("worker.cache.dir", "DEEPFORGE_WORKER_CACHE", d => Path.Combine(d, "worker", "cache")),
        new("worker.cache.useBlob", "DEEPFORGE_WORKER_USE_BLOB", _ => true, IsBoolean: true),
        new("worker.token", "DEEPFORGE_WORKER_TOKEN", _ => ""),
        new("mongo.uri", "MONGO_URI", _ => ""),
        new("auth.enabled", "DEEPFORGE_AUTH_ENABLED", _ => true, IsBoolean: true),
        new("server.allowedHosts", "DEEPFORGE_ALLOWED_HOSTS", _ => ""),
        new("server.maxUploadBytes", "DEEPFORGE_MAX_UPLOAD_BYTES", _ => "17179869184"),
    ];

    public string DataDirectory { get; } = dataDirectory;

    public string FilePath => Path.Combine(DataDirectory, "config.json");

    /// <summary>Every setting in effect, nested by its dots, as JSON.</summary>
    public JsonObject Effective()
    {
        var root = new JsonObject();
        // Typed values: a JsonValue made from an object cannot be written with options that have no type resolver (as `deepforge config` writes it).
        foreach (var key in Keys) Place(root, key.Key, Get(key.Key) is bool b ? JsonValue.Create(b) : JsonValue.Create((string)Get(key.Key)));
        return root;
    }

    public object Get(string key)
    {
        var spec = Find(key);
        if (spec.EnvironmentVariable != null && Environment.GetEnvironmentVariable(spec.EnvironmentVariable) is { Length: > 0 } env)
            return spec.IsBoolean ? ParseBool(env, spec.EnvironmentVariable) : env;
        var stored = Lookup(ReadFile(), key);
        if (stored == null) return spec.Default(DataDirectory);
        return spec.IsBoolean ? stored.GetValue<bool>() : stored.GetValue<string>();
    }

    public string GetString(string key) => Convert.ToString(Get(key), System.Globalization.CultureInfo.InvariantCulture)!;

    public void Set(string key, string value)
    {
        var spec = Find(key);
        var root = ReadFile();
        Place(root, key, spec.IsBoolean ? JsonValue.Create(ParseBool(value, key)) : JsonValue.Create(value));
        PrivateFiles.CreateFolder(DataDirectory);
        var temp = FilePath + ".tmp";
        // Readable by its owner only: the config holds the worker token and sign-in tokens.
        using (var file = new StreamWriter(temp, new System.Text.UTF8Encoding(false), PrivateFiles.Options(FileMode.Create)))
            file.Write(root.ToJsonString(new JsonSerializerOptions { WriteIndented = true }) + "\n");
        File.Move(temp, FilePath, overwrite: true);
    }

    private static ConfigKey Find(string key) =>
        Keys.FirstOrDefault(k => k.Key == key)
        ?? throw new DeepForgeException($"config key '{key}'", $"'{key}' is not a setting (settings: {string.Join(", ", Keys.Select(k => k.Key))})");

    private static bool ParseBool(string value, string where) =>
        bool.TryParse(value, out var b) ? b
        : value is "1" or "0" ? value == "1"
        : throw new DeepForgeException(where, $"{where} takes true or false, not '{value}'");

    private JsonObject ReadFile()
    {
        if (!File.Exists(FilePath)) return new JsonObject();
        try { return JsonNode.Parse(File.ReadAllText(FilePath)) as JsonObject ?? new JsonObject(); }
        catch (JsonException e) { throw new DeepForgeException(FilePath, $"{FilePath} is not valid JSON: {e.Message}"); }
    }

    private static JsonNode? Lookup(JsonObject root, string key)
    {
        JsonNode? node = root;
        foreach (var part in key.Split('.')) node = (node as JsonObject)?[part];
        return node is JsonValue ? node : null;
    }

    private static void Place(JsonObject root, string key, JsonNode? value)
    {
        var parts = key.Split('.');
        var node = root;
        foreach (var part in parts[..^1])
        {
            if (node[part] is not JsonObject child) node[part] = child = new JsonObject();
            node = child;
        }
        node[parts[^1]] = value;
    }
}
