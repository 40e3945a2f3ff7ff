namespace DeepForge.Benchmarks;

/// <summary>Bytes on disk under a folder, or of the files a path starts (a SQLite file with its -wal and -shm).</summary>
internal static class SoakDisk
{
    public static long Folder(string path)
    {
        if (!Directory.Exists(path)) return 0;
        long bytes = 0;
        // Files come and go while jobs run: one that went between listing and reading counts as nothing.
        foreach (var file in Directory.EnumerateFiles(path, "*", new EnumerationOptions { RecurseSubdirectories = true, IgnoreInaccessible = true }))
        {
            try { bytes += new FileInfo(file).Length; }
            catch (IOException) { }
        }
        return bytes;
    }

    public static long FilesStartingWith(string path)
    {
        var folder = Path.GetDirectoryName(path)!;
        if (!Directory.Exists(folder)) return 0;
        return Directory.EnumerateFiles(folder, Path.GetFileName(path) + "*").Sum(f => new FileInfo(f).Length);
    }
}
