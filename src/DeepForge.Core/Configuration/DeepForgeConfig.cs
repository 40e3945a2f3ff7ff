using System.Text.Json;
using System.Text.Json.Nodes;

namespace DeepForge.Configuration;

/// <summary>
/// The settings in <c>&lt;data&gt;/config.json</c> as the original's <c>deepforge config</c> kept them,
/// with environment variables that override them for one run.
/// </summary>
public sealed class DeepForgeConfig(string dataDirectory)
{
    /// <summary>Every setting: its key, the environment variable that overrides it and its default for a data folder; a key not here is refused.</summary>
    public static readonly IReadOnlyList<ConfigKey> Keys =
    [
        new("blob.dir", "DEEPFORGE_BLOB_DIR", d => Path.Combine(d, "blob"), IsPath: true),
        new("worker.dir", "DEEPFORGE_WORKER_DIR", d => Path.Combine(d, "worker"), IsPath: true),
        new("worker.cache.dir", "DEEPFORGE_WORKER_CACHE", d => Path.Combine(d, "worker", "cache"), IsPath: true),
        new("worker.cache.useBlob", "DEEPFORGE_WORKER_USE_BLOB", _ => true, IsBoolean: true),
        new("worker.cache.maxBytes", "DEEPFORGE_WORKER_CACHE_MAX_BYTES", _ => ""),
        new("worker.token", "DEEPFORGE_WORKER_TOKEN", _ => ""),
        new("store", "DEEPFORGE_STORE", d => "sqlite:" + Path.Combine(d, "deepforge.db")),
        new("mongo.uri", "MONGO_URI", _ => ""),
        new("auth.enabled", "DEEPFORGE_AUTH_ENABLED", _ => true, IsBoolean: true),
        new("server.allowedHosts", "DEEPFORGE_ALLOWED_HOSTS", _ => ""),
        new("server.maxUploadBytes", "DEEPFORGE_MAX_UPLOAD_BYTES", _ => "17179869184"),
        new("retention.executionLogs", "DEEPFORGE_RETENTION_EXECUTION_LOGS", _ => "forever"),
        new("retention.jobRecords", "DEEPFORGE_RETENTION_JOB_RECORDS", _ => "1d"),
        // Empty: the bundled CPU libtorch. The command hands it to DeepForge.Torch, and to its job processes, as the variable.
        new("torch.dir", "DEEPFORGE_TORCH_DIR", _ => "", IsPath: true),
    ];

    /// <summary>The data folder whose <c>config.json</c> this reads, and against which defaults are made.</summary>
    public string DataDirectory { get; } = dataDirectory;

    /// <summary>The settings file, <c>&lt;data&gt;/config.json</c>, named in errors so a person knows what to fix.</summary>
    public string FilePath => Path.Combine(DataDirectory, "config.json");

    /// <summary>Every setting in effect, nested by its dots, as JSON.</summary>
    public JsonObject Effective()
    {
        var root = new JsonObject();
        // Typed values: a JsonValue made from an object cannot be written with options that have no type resolver (as `deepforge config` writes it).
        foreach (var key in Keys) Place(root, key.Key, Show(key.Key) is bool b ? JsonValue.Create(b) : JsonValue.Create((string)Show(key.Key)));
        return root;
    }

    /// <summary>The value in effect, to be used: a path setting that is empty or relative in the file is refused, naming the file.</summary>
    public object Get(string key)
    {
        var value = Show(key);
        var spec = Find(key);
        if (!spec.IsPath || FromEnvironment(spec) != null) return value;
        var path = (string)value;
        if (path.Trim().Length == 0)
            throw new DeepForgeException(key, $"{key} is empty in {FilePath}: set it to the absolute path of a folder");
        if (!Path.IsPathFullyQualified(path))
            throw new DeepForgeException(key, $"{key} is '{path}' in {FilePath}, a relative path: set it to the absolute path of a folder");
        return path;
    }

    /// <summary>The value in effect as it is written, for showing it (also when it could not be used).</summary>
    public object Show(string key)
    {
        var spec = Find(key);
        if (FromEnvironment(spec) is { } env)
            return spec.IsBoolean ? ParseBool(env, spec.EnvironmentVariable!) : spec.IsPath ? Path.GetFullPath(env) : env;
        var stored = Lookup(ReadFile(), key);
        if (stored == null) return spec.Default(DataDirectory);
        return spec.IsBoolean ? stored.GetValue<bool>() : stored.GetValue<string>();
    }

    // An environment variable holds for one run, started from one folder: a relative path in it means that folder.
    private static string? FromEnvironment(ConfigKey spec) =>
        spec.EnvironmentVariable != null && Environment.GetEnvironmentVariable(spec.EnvironmentVariable) is { Length: > 0 } env ? env : null;

    /// <summary>The value in effect as text, checked as <see cref="Get"/> checks it (a boolean as <c>True</c> or <c>False</c>).</summary>
    public string GetString(string key) => Convert.ToString(Get(key), System.Globalization.CultureInfo.InvariantCulture)!;

    /// <summary>
    /// Stores a setting. A boolean must be one; a path must not be empty, and a relative path is made absolute against
    /// the current folder (the caller tells the person so: compare the value stored with the value given).
    /// </summary>
    public void Set(string key, string value)
    {
        var spec = Find(key);
        var root = ReadFile();
        Place(root, key, spec.IsBoolean ? JsonValue.Create(ParseBool(value, key)) : JsonValue.Create(spec.IsPath ? AbsolutePath(key, value) : value));
        PrivateFiles.CreateFolder(DataDirectory);
        var temp = FilePath + ".tmp";
        // Readable by its owner only: the config holds the worker token and sign-in tokens.
        using (var file = new StreamWriter(temp, new System.Text.UTF8Encoding(false), PrivateFiles.Options(FileMode.Create)))
            file.Write(root.ToJsonString(new JsonSerializerOptions { WriteIndented = true }) + "\n");
        File.Move(temp, FilePath, overwrite: true);
    }

    private static string AbsolutePath(string key, string value)
    {
        if (value.Trim().Length == 0) throw new DeepForgeException(key, $"{key} cannot be empty: give the path of a folder");
        try { return Path.GetFullPath(value); }
        catch (Exception e) when (e is ArgumentException or NotSupportedException or PathTooLongException)
        {
            throw new DeepForgeException(key, $"{key}: '{value}' is not a path ({e.Message})");
        }
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
