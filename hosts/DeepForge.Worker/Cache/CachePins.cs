using DeepForge.Runtime;
using DeepForge.Worker.Jobs;

namespace DeepForge.Worker.Cache;

/// <summary>
/// The blobs running jobs of this worker process use, written to <c>in-use/w{pid}-{start}</c> in the cache so that
/// eviction, also by <c>deepforge worker cache --evict</c> in another process, never removes one. The file's first
/// line is when the oldest running job started: blobs written since (a job's outputs) are in use too.
/// </summary>
internal sealed class CachePins
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, int> _counts = new(StringComparer.Ordinal);
    private readonly List<DateTime> _started = [];
    private readonly string _file;

    public CachePins(string cacheRoot)
    {
        Folder = Path.Combine(cacheRoot, "in-use");
        _file = Path.Combine(Folder, JobFolders.OwnerName(ProcessIdentity.Current));
    }

    /// <summary>The folder holding one file per worker process with running jobs.</summary>
    public string Folder { get; }

    /// <summary>Marks a job's blobs in use until the returned handle is disposed (when the job's outputs are uploaded).</summary>
    public IDisposable Pin(IEnumerable<string> hashes)
    {
        var pinned = hashes.Distinct(StringComparer.Ordinal).ToList();
        var started = DateTime.UtcNow;
        lock (_gate)
        {
            foreach (var hash in pinned) _counts[hash] = _counts.GetValueOrDefault(hash) + 1;
            _started.Add(started);
            Write();
        }
        return new Handle(() => Unpin(pinned, started));
    }

    private void Unpin(List<string> hashes, DateTime started)
    {
        lock (_gate)
        {
            foreach (var hash in hashes)
                if (--_counts[hash] == 0) _counts.Remove(hash);
            _started.Remove(started);
            Write();
        }
    }

    private void Write()
    {
        Directory.CreateDirectory(Folder);
        if (_started.Count == 0)
        {
            File.Delete(_file);
            return;
        }
        var temp = $"{_file}.{Guid.NewGuid():n}.tmp";
        File.WriteAllLines(temp, [_started.Min().Ticks.ToString(System.Globalization.CultureInfo.InvariantCulture), .. _counts.Keys]);
        File.Move(temp, _file, overwrite: true);
    }

    private sealed class Handle(Action release) : IDisposable
    {
        private int _done;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _done, 1) == 0) release();
        }
    }
}
