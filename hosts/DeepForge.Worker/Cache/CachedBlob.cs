namespace DeepForge.Worker.Cache;

/// <summary>A blob file in the worker's cache: its size on this disk (0 for a symbolic link) and when a job last used it.</summary>
internal sealed record CachedBlob(string Hash, string Path, long Size, DateTime LastUsedUtc, DateTime WrittenUtc);
