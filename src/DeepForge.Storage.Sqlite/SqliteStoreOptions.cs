namespace DeepForge.Storage.Sqlite;

/// <summary>Settings of the SQLite document store.</summary>
public sealed class SqliteStoreOptions
{
    /// <summary>
    /// Path of the database file. The file and its directory are created when missing; several
    /// processes may open the same file at once.
    /// </summary>
    public string DatabasePath { get; set; } = string.Empty;

    /// <summary>
    /// Checks the path and creates its directory, so a bad setting fails at start with a message that
    /// names the option instead of surfacing later as an obscure SQLite error.
    /// </summary>
    /// <returns>The full path of the database file.</returns>
    internal string ValidateAndPrepare()
    {
        if (string.IsNullOrWhiteSpace(DatabasePath))
        {
            throw new InvalidOperationException(
                $"{nameof(SqliteStoreOptions)}.{nameof(DatabasePath)} is empty. "
                + "Set it to the path of the DeepForge database file, e.g. UseSqlite(\"deepforge.db\").");
        }

        var fullPath = ResolveFullPath(DatabasePath);
        CreateDirectory(fullPath);
        // Made empty, readable by its owner only, before SQLite opens it: SQLite gives its -wal and -shm files the same rights.
        DeepForge.Configuration.PrivateFiles.CreateFile(fullPath);
        return fullPath;
    }

    private static string ResolveFullPath(string path)
    {
        try
        {
            return Path.GetFullPath(path);
        }
        catch (Exception ex) when (ex is ArgumentException or NotSupportedException or PathTooLongException)
        {
            throw new InvalidOperationException(
                $"{nameof(SqliteStoreOptions)}.{nameof(DatabasePath)} '{path}' is not a valid path ({ex.Message}). "
                + "Set it to a valid file path.", ex);
        }
    }

    private static void CreateDirectory(string fullPath)
    {
        var directory = Path.GetDirectoryName(fullPath);
        if (string.IsNullOrEmpty(directory))
        {
            return;
        }

        try
        {
            DeepForge.Configuration.PrivateFiles.CreateFolder(directory);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            throw new InvalidOperationException(
                $"{nameof(SqliteStoreOptions)}.{nameof(DatabasePath)} '{fullPath}': its directory '{directory}' "
                + $"cannot be created ({ex.Message}). Set {nameof(DatabasePath)} to a file in a writable directory.", ex);
        }
    }
}
