using System.Runtime.InteropServices;
using DeepForge.Worker.Native;

namespace DeepForge.Worker.Cache;

/// <summary>How a server blob came into the cache without a download.</summary>
internal enum LinkKind { HardLink, SymbolicLink, Copy }

/// <summary>Puts a file at a new path as cheaply as the disk allows: a hard link, else a symbolic link, else a copy.</summary>
internal static class FileLinks
{
    /// <summary>Makes <paramref name="path"/> (which must not exist) show <paramref name="source"/>'s bytes.</summary>
    public static LinkKind Link(string source, string path)
    {
        if (TryHardLink(source, path)) return LinkKind.HardLink;
        try
        {
            File.CreateSymbolicLink(path, source);
            return LinkKind.SymbolicLink;
        }
        catch (IOException) { }
        catch (UnauthorizedAccessException) { }
        File.Copy(source, path);
        return LinkKind.Copy;
    }

    private static bool TryHardLink(string source, string path)
    {
        try
        {
            return OperatingSystem.IsWindows()
                ? Libc.CreateHardLink(path, source, IntPtr.Zero)
                : Libc.link(source, path) == 0; // EXDEV (another disk), EPERM (a protected source): the caller falls back
        }
        catch (DllNotFoundException) { return false; }
        catch (EntryPointNotFoundException) { return false; }
        catch (MarshalDirectiveException) { return false; }
    }

    /// <summary>Whether <paramref name="path"/> is a symbolic link whose target is gone (the server deleted the blob).</summary>
    public static bool IsDanglingLink(string path)
    {
        var info = new FileInfo(path);
        if (info.LinkTarget == null) return false;
        var target = info.ResolveLinkTarget(returnFinalTarget: true);
        return target == null || !target.Exists;
    }
}
