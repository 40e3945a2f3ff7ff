using System.Globalization;

namespace DeepForge.Worker.Cache;

/// <summary>worker.cache.maxBytes: a number of bytes, or empty for the default, half of what the cache could take (its free disk plus what it holds).</summary>
internal static class CacheLimit
{
    public const string Key = "worker.cache.maxBytes";

    /// <summary>The limit in bytes, or null with <paramref name="problem"/> saying what is wrong with the setting.</summary>
    public static long? Parse(string? text, out string? problem)
    {
        problem = null;
        if (string.IsNullOrWhiteSpace(text)) return null;
        if (long.TryParse(text.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var bytes) && bytes > 0) return bytes;
        problem = $"{Key} is '{text.Trim()}': give a number of bytes, e.g. 10737418240 for 10 GiB, or leave it empty for half the free disk";
        return null;
    }

    /// <summary>The default: half of the cache disk's free space plus what the cache holds now, so a full disk shrinks it.</summary>
    public static long Default(string cacheRoot)
    {
        Directory.CreateDirectory(cacheRoot);
        var held = new CacheEviction(cacheRoot).Blobs().Sum(b => b.Size);
        return Math.Max(1, (new DriveInfo(cacheRoot).AvailableFreeSpace + held) / 2);
    }
}
