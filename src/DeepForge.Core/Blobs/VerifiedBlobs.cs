using System.Collections.Concurrent;
using System.Security.Cryptography;

namespace DeepForge.Blobs;

/// <summary>
/// Which blob files this process has hashed and found whole, with the size and time they had then: a file is
/// hashed again only when one of those changed, so checking costs one read per blob and process. Bounded: a server
/// that runs for months sees millions of blobs, so past <see cref="Limit"/> entries it forgets them all and checks anew.
/// </summary>
internal sealed class VerifiedBlobs
{
    /// <summary>Entries kept at most (about 10 MB); forgetting costs one more read of each blob used again.</summary>
    public const int Limit = 65_536;

    private readonly ConcurrentDictionary<string, (long Size, DateTime Modified)> _whole = new();
    private int _count; // ConcurrentDictionary.Count takes every lock: keep our own

    /// <summary>How many blobs are remembered as whole.</summary>
    public int Count => Volatile.Read(ref _count);

    /// <summary>Null when the file's bytes hash to <paramref name="hash"/>, else what they hash to.</summary>
    public string? Check(string hash, FileInfo file)
    {
        var seen = (file.Length, file.LastWriteTimeUtc);
        if (_whole.TryGetValue(hash, out var known) && known == seen) return null;
        var actual = HashOf(file.FullName);
        if (actual != hash)
        {
            Forget(hash);
            return actual;
        }
        Remember(hash, seen);
        return null;
    }

    /// <summary>Whether the file was found whole with the size and time it has now.</summary>
    public bool IsWhole(string hash, FileInfo file) => _whole.TryGetValue(hash, out var known) && known == (file.Length, file.LastWriteTimeUtc);

    /// <summary>The file was just written from bytes that hashed right: no need to read it again.</summary>
    public void Whole(string hash, FileInfo file) => Remember(hash, (file.Length, file.LastWriteTimeUtc));

    /// <summary>Only the time of a checked file changed (it was stored again): it stays checked.</summary>
    public void Renewed(string hash, long size, DateTime before, DateTime after)
    {
        if (_whole.TryGetValue(hash, out var known) && known == (size, before)) _whole[hash] = (size, after);
    }

    public void Forget(string hash)
    {
        if (_whole.TryRemove(hash, out _)) Interlocked.Decrement(ref _count);
    }

    private void Remember(string hash, (long Size, DateTime Modified) seen)
    {
        if (!_whole.TryAdd(hash, seen))
        {
            _whole[hash] = seen;
            return;
        }
        if (Interlocked.Increment(ref _count) <= Limit) return;
        _whole.Clear();
        Interlocked.Exchange(ref _count, 0);
    }

    public static string HashOf(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
        return Convert.ToHexStringLower(SHA256.HashData(stream));
    }
}
