using System.Runtime.InteropServices;

namespace DeepForge.Blobs;

/// <summary>
/// Makes a file's bytes reach the disk before its name does: a rename that lands before the data would,
/// after a power cut, leave a blob of zeros under a good name. Also makes stored blobs read-only, so a
/// process that opens one for writing by mistake is refused.
/// </summary>
public static class DurableFiles
{
    /// <summary>fsync: the file's data is on the disk when this returns.</summary>
    public static void Flush(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Write, FileShare.ReadWrite, 1);
        stream.Flush(flushToDisk: true);
    }

    /// <summary>r--r--r--; nothing on Windows, where a read-only file cannot be deleted by the collector.</summary>
    public static void MakeReadOnly(string path)
    {
        if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.GroupRead | UnixFileMode.OtherRead);
    }

    /// <summary>fsync of a folder, so a rename into it survives a power cut; skipped where the platform cannot (Windows).</summary>
    public static void FlushFolder(string folder)
    {
        if (OperatingSystem.IsWindows()) return;
        try
        {
            var fd = open(folder, 0); // O_RDONLY
            if (fd < 0) return;
            try { fsync(fd); }
            finally { close(fd); }
        }
        catch (DllNotFoundException) { }
        catch (EntryPointNotFoundException) { }
    }

    /// <summary>A hard link at <paramref name="path"/> to <paramref name="source"/>; false where there can be none (another disk, Windows).</summary>
    public static bool TryHardLink(string source, string path)
    {
        if (OperatingSystem.IsWindows()) return false;
        try { return link(source, path) == 0; }
        catch (DllNotFoundException) { return false; }
        catch (EntryPointNotFoundException) { return false; }
    }

#pragma warning disable SYSLIB1054 // DllImport: LibraryImport needs unsafe code, which Core does not allow
    [DllImport("libc", SetLastError = true)]
    private static extern int open([MarshalAs(UnmanagedType.LPUTF8Str)] string path, int flags);

    [DllImport("libc", SetLastError = true)]
    private static extern int link([MarshalAs(UnmanagedType.LPUTF8Str)] string existing, [MarshalAs(UnmanagedType.LPUTF8Str)] string newPath);

    [DllImport("libc", SetLastError = true)]
    private static extern int fsync(int fd);

    [DllImport("libc", SetLastError = true)]
    private static extern int close(int fd);
#pragma warning restore SYSLIB1054
}
