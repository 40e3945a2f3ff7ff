namespace DeepForge.Configuration;

/// <summary>
/// Folders and files only their owner may read (0700 and 0600): the data folder, the database, the config and the
/// blobs hold people's code, data, password hashes and tokens. Windows keeps its own per-user folder rights.
/// </summary>
public static class PrivateFiles
{
    /// <summary>0700: the mode of a folder only its owner may list and enter.</summary>
    public const UnixFileMode FolderMode = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;
    /// <summary>0600: the mode of a file only its owner may read and write.</summary>
    public const UnixFileMode OwnerOnlyFile = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    /// <summary>Creates the folder (and missing parents) readable by its owner only; an existing folder is left as it is.</summary>
    public static void CreateFolder(string path)
    {
        if (Directory.Exists(path)) return;
        if (OperatingSystem.IsWindows()) Directory.CreateDirectory(path);
        else Directory.CreateDirectory(path, FolderMode);
    }

    /// <summary>Creates an empty file readable by its owner only, when there is none.</summary>
    public static void CreateFile(string path)
    {
        if (File.Exists(path)) return;
        try
        {
            using var _ = new FileStream(path, Options(System.IO.FileMode.CreateNew));
        }
        catch (IOException) when (File.Exists(path)) { } // another process made it first
    }

    /// <summary>Options for writing a new file readable by its owner only.</summary>
    public static FileStreamOptions Options(System.IO.FileMode mode)
    {
        var options = new FileStreamOptions { Mode = mode, Access = FileAccess.Write, Share = FileShare.None };
        if (!OperatingSystem.IsWindows()) options.UnixCreateMode = OwnerOnlyFile;
        return options;
    }
}
