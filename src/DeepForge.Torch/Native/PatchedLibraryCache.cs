using System.Security.Cryptography;

namespace DeepForge.Torch.Native;

// Keeps the weak-versioned copies of native libraries in a per-user cache:
// $XDG_CACHE_HOME/deepforge/native/<sha256 of the original>/<file name> (~/.cache when
// XDG_CACHE_HOME is unset). Naming the folder by the original's hash means a TorchSharp upgrade
// gets a fresh copy and a stale copy is never loaded for a different original.
internal static class PatchedLibraryCache
{
    // Returns the path of the patched copy of originalPath, creating it if needed. Several
    // processes may do this at once: each writes its own temporary file next to the target and
    // renames it into place, and rename is atomic, so nobody ever sees a half-written library.
    public static string GetOrCreate(string originalPath, string versionName, string? cacheRoot = null)
    {
        var original = File.ReadAllBytes(originalPath);
        var hash = Convert.ToHexStringLower(SHA256.HashData(original));
        var folder = Path.Combine(cacheRoot ?? DefaultRoot(), hash);
        var target = Path.Combine(folder, Path.GetFileName(originalPath));
        if (File.Exists(target))
        {
            return target;
        }

        ElfVersionPatcher.MarkVersionWeak(original, versionName);
        Directory.CreateDirectory(folder);
        var temporary = Path.Combine(folder, $".{Path.GetFileName(originalPath)}.{Environment.ProcessId}.{Guid.NewGuid():N}.tmp");
        try
        {
            using (var stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None))
            {
                stream.Write(original);
                stream.Flush(flushToDisk: true);
            }

            File.Move(temporary, target, overwrite: true);
        }
        finally
        {
            if (File.Exists(temporary))
            {
                File.Delete(temporary);
            }
        }

        return target;
    }

    public static string DefaultRoot()
    {
        var cache = Environment.GetEnvironmentVariable("XDG_CACHE_HOME");
        if (string.IsNullOrEmpty(cache) || !Path.IsPathRooted(cache))
        {
            var home = Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
            // Without a home directory (some service accounts) fall back to the temp folder,
            // named per user so that users do not share copies.
            cache = string.IsNullOrEmpty(home)
                ? Path.Combine(Path.GetTempPath(), $"deepforge-{Environment.UserName}")
                : Path.Combine(home, ".cache");
        }

        return Path.Combine(cache, "deepforge", "native");
    }
}
