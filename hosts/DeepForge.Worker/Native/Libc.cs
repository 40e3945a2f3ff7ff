using System.Runtime.InteropServices;

namespace DeepForge.Worker.Native;

/// <summary>The few POSIX calls .NET has no API for: process groups (to end a job's whole tree at once) and hard links.</summary>
internal static partial class Libc
{
    public const int SIGKILL = 9;

    [LibraryImport("libc", SetLastError = true)]
    public static partial int setsid();

    [LibraryImport("libc", SetLastError = true)]
    public static partial int getpgid(int pid);

    [LibraryImport("libc", SetLastError = true)]
    public static partial int kill(int pid, int signal);

    [LibraryImport("libc", EntryPoint = "link", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    public static partial int link(string existing, string newPath);

    [LibraryImport("kernel32", EntryPoint = "CreateHardLinkW", SetLastError = true, StringMarshalling = StringMarshalling.Utf16)]
    [return: MarshalAs(UnmanagedType.Bool)]
    public static partial bool CreateHardLink(string newPath, string existing, IntPtr securityAttributes);
}
