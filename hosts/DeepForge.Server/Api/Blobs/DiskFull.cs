namespace DeepForge.Server.Api.Blobs;

/// <summary>Whether a write failed because the disk (or the user's quota on it) is full: retrying will not help until someone frees space.</summary>
internal static class DiskFull
{
    // Linux and macOS report the errno (ENOSPC 28, EDQUOT 122 on Linux, 69 on macOS); Windows an HRESULT of ERROR_DISK_FULL or ERROR_HANDLE_DISK_FULL.
    private static readonly int[] Codes = [28, 122, 69, unchecked((int)0x80070070), unchecked((int)0x80070027)];

    public static bool Is(IOException e) => Codes.Contains(e.HResult) || (e.InnerException is IOException inner && Is(inner));
}
