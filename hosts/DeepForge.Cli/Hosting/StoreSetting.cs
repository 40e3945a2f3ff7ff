using DeepForge.Configuration;
using DeepForge.Hosting;
using MongoDB.Driver;
using Npgsql;

namespace DeepForge.Cli.Hosting;

/// <summary>
/// Which store the command's engine uses, from the one setting <c>store</c>: <c>sqlite:PATH</c> (the default, the data
/// folder's <c>deepforge.db</c>), <c>postgres://...</c> or Npgsql's <c>Host=...</c>, or <c>mongodb://...</c>. Where
/// <c>store</c> is left at its default and <c>mongo.uri</c> (<c>MONGO_URI</c>, as the original's deployments set it)
/// names a deployment, that is the store. A value that is none of these is one line naming the setting.
/// </summary>
internal static class StoreSetting
{
    public const string Key = "store";
    private const string Forms = "write sqlite:PATH, postgres://user@host:5432/database (or Host=...;Database=...;Username=...), or mongodb://host:27017/database";

    public static void Apply(DeepForgeBuilder df, DeepForgeConfig config)
    {
        var (kind, value) = Read(config);
        Use(df, kind, value);
    }

    /// <summary>Registers the store of <paramref name="kind"/> at <paramref name="value"/> (a path, connection string or URI).</summary>
    public static void Use(DeepForgeBuilder df, StoreKind kind, string value)
    {
        switch (kind)
        {
            case StoreKind.Sqlite:
                df.UseSqlite(value);
                break;
            case StoreKind.PostgreSql:
                df.UsePostgreSql(value);
                break;
            default:
                df.UseMongoDb(value);
                break;
        }
    }

    public static (StoreKind Kind, string Value) Read(DeepForgeConfig config)
    {
        var store = config.GetString(Key).Trim();
        var mongo = config.GetString("mongo.uri").Trim();
        if (store == DefaultValue(config) && mongo.Length > 0)
            return (StoreKind.MongoDb, CheckedMongo(mongo, "mongo.uri"));
        return Parse(store);
    }

    public static (StoreKind Kind, string Value) Parse(string store)
    {
        if (store.Length == 0) throw new DeepForgeException(Key, $"{Key} is empty: {Forms}");
        if (store.StartsWith("sqlite:", StringComparison.OrdinalIgnoreCase)) return (StoreKind.Sqlite, CheckedSqlite(store["sqlite:".Length..]));
        if (store.StartsWith("postgres://", StringComparison.OrdinalIgnoreCase) || store.StartsWith("postgresql://", StringComparison.OrdinalIgnoreCase))
            return (StoreKind.PostgreSql, CheckedPostgresUrl(store));
        if (store.Contains("Host=", StringComparison.OrdinalIgnoreCase)) return (StoreKind.PostgreSql, CheckedPostgresKeywords(store));
        if (store.StartsWith("mongodb://", StringComparison.OrdinalIgnoreCase) || store.StartsWith("mongodb+srv://", StringComparison.OrdinalIgnoreCase))
            return (StoreKind.MongoDb, CheckedMongo(store, Key));
        throw new DeepForgeException(Key, $"{Key} is {Shown(store)}, which names no store: {Forms}");
    }

    private static string DefaultValue(DeepForgeConfig config) =>
        (string)DeepForgeConfig.Keys.Single(k => k.Key == Key).Default(config.DataDirectory);

    private static string CheckedSqlite(string path)
    {
        if (path.Trim().Length == 0) throw new DeepForgeException(Key, $"{Key} is 'sqlite:' without a path: write sqlite:/path/to/deepforge.db");
        try { return Path.GetFullPath(path); }
        catch (Exception e) when (e is ArgumentException or NotSupportedException or PathTooLongException)
        {
            throw new DeepForgeException(Key, $"{Key}: 'sqlite:{path}' is not a path ({e.Message})");
        }
    }

    private static string CheckedPostgresUrl(string url)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || (uri.Host.Length == 0 && !uri.Query.Contains("host=", StringComparison.OrdinalIgnoreCase)))
            throw new DeepForgeException(Key, $"{Key} is {Shown(url)}, not a PostgreSQL URL: write postgres://user:password@host:5432/database");
        return url;
    }

    private static string CheckedPostgresKeywords(string keywords)
    {
        try
        {
            _ = new NpgsqlConnectionStringBuilder(keywords);
            return keywords;
        }
        catch (Exception e) when (e is ArgumentException or FormatException or KeyNotFoundException)
        {
            throw new DeepForgeException(Key, $"{Key} is not a PostgreSQL connection string ({e.Message.TrimEnd('.')}): write Host=...;Database=...;Username=...");
        }
    }

    private static string CheckedMongo(string uri, string key)
    {
        try
        {
            _ = MongoUrl.Create(uri);
            return uri;
        }
        catch (Exception e) when (e is MongoConfigurationException or ArgumentException or FormatException)
        {
            // The driver's message repeats the URI, password and all: it is not shown.
            throw new DeepForgeException(key, $"{key} is not a MongoDB URI ({e.GetType().Name}): write mongodb://host:27017/database");
        }
    }

    // A connection string may carry a password: never repeat it to the screen.
    private static string Shown(string value) =>
        value.Contains("password", StringComparison.OrdinalIgnoreCase) || value.Contains('@', StringComparison.Ordinal) ? "a value not shown here (it may hold a password)" : $"'{value}'";
}
