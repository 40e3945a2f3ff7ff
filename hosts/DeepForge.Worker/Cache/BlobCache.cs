using System.Collections.Concurrent;
using System.Net;
using System.Security.Cryptography;
using DeepForge.Blobs;
using DeepForge.Client;
using DeepForge.Runtime;
using DeepForge.Worker.Http;
using Microsoft.Extensions.Logging;

namespace DeepForge.Worker.Cache;

/// <summary>How a blob came to be in the cache.</summary>
internal enum CacheFill { AlreadyCached, HardLink, SymbolicLink, Copy, Downloaded }

/// <summary>
/// worker.cache.dir: a <see cref="FileBlobStore"/> (content-addressed files, <c>ab/abcdef…</c>) that jobs
/// read their inputs and project code from and write their outputs to. A missing blob is linked from
/// the server's blob.dir when that is on this disk and worker.cache.useBlob is on, else downloaded
/// (resuming with Range after a broken connection) and kept only when its bytes match its hash. With a
/// limit (worker.cache.maxBytes) the least recently used blobs no running job uses are evicted to stay under it.
/// </summary>
internal sealed class BlobCache
{
    private readonly string _partial;
    private readonly bool _useBlob;
    private readonly string? _serverBlobDirectory;
    private readonly IRunnerClient? _client;
    private readonly TimeSpan _maxBackoff;
    private readonly ILogger _logger;
    private readonly ConcurrentDictionary<string, SemaphoreSlim> _locks = new();

    public BlobCache(string root, bool useBlob, string? serverBlobDirectory, IRunnerClient? client, TimeSpan maxBackoff, ILogger logger, long? maxBytes = null)
    {
        Root = Path.GetFullPath(root);
        MaxBytes = maxBytes;
        Pins = new CachePins(Root);
        Eviction = new CacheEviction(Root);
        Store = new FileBlobStore(Root); // no small-blob documents: every blob is a file a child process can open
        _partial = Path.Combine(Root, "partial");
        Directory.CreateDirectory(_partial);
        _useBlob = useBlob;
        _serverBlobDirectory = string.IsNullOrWhiteSpace(serverBlobDirectory) ? null : Path.GetFullPath(serverBlobDirectory);
        _client = client;
        _maxBackoff = maxBackoff;
        _logger = logger;
    }

    public string Root { get; }

    /// <summary>The most the cache keeps, or null for no limit.</summary>
    public long? MaxBytes { get; }

    /// <summary>The blobs running jobs use, which eviction leaves alone.</summary>
    public CachePins Pins { get; }

    public CacheEviction Eviction { get; }

    /// <summary>Marks the blobs a job reads in use until the handle is disposed; blobs written meanwhile (its outputs) are in use too.</summary>
    public IDisposable PinJob(JobSpec spec) => Pins.Pin(BlobsOf(spec).Select(b => b.Hash));

    /// <summary>Evicts down to the limit, less <paramref name="incomingBytes"/> about to arrive; nothing without a limit.</summary>
    public EvictionResult? Trim(long incomingBytes = 0)
    {
        if (MaxBytes is not { } max) return null;
        var result = Eviction.Evict(Math.Max(0, max - incomingBytes));
        if (result.Evicted > 0) WorkerLog.BlobsEvicted(_logger, result.Evicted, result.FreedBytes, result.RemainingBytes, max);
        return result;
    }

    /// <summary>Makes room for the blobs of a job that are not in the cache yet (their sizes as the job states them).</summary>
    public EvictionResult? MakeRoomFor(JobSpec spec) =>
        Trim(BlobsOf(spec).Where(b => !File.Exists(PathOf(b.Hash))).Sum(b => b.Size ?? 0));

    /// <summary>The cache as a blob store: jobs read inputs from it and write outputs into it.</summary>
    public FileBlobStore Store { get; }

    /// <summary>Where the cache keeps a blob: the same layout as <see cref="FileBlobStore"/>, which reads it from there.</summary>
    public string PathOf(string hash) => Path.Combine(Root, BlobHash.Require(hash)[..2], hash);

    /// <summary>Makes sure the blob is in the cache. <paramref name="size"/>, when known, is checked before linking.</summary>
    public async Task<CacheFill> EnsureAsync(string hash, long? size, CancellationToken cancellationToken)
    {
        BlobHash.Require(hash);
        var gate = _locks.GetOrAdd(hash, _ => new SemaphoreSlim(1, 1));
        await gate.WaitAsync(cancellationToken);
        try
        {
            var path = PathOf(hash);
            if (File.Exists(path))
            {
                if (!FileLinks.IsDanglingLink(path) && IsWhole(hash))
                {
                    CacheEviction.Touch(path);
                    return CacheFill.AlreadyCached;
                }
                if (File.Exists(path)) File.Delete(path); // a symbolic link to a server blob that was deleted since
            }
            if (TryLinkFromServer(hash, size) is { } linked)
            {
                WorkerLog.BlobLinked(_logger, hash, linked);
                if (IsWhole(hash)) return linked;
                // The server's own file is damaged: the download below asks the server, which reports it.
            }
            var bytes = await DownloadAsync(hash, cancellationToken);
            WorkerLog.BlobDownloaded(_logger, hash, bytes);
            return CacheFill.Downloaded;
        }
        finally
        {
            gate.Release();
        }
    }

    /// <summary>Makes sure every blob a job reads is in the cache: its inputs, its last checkpoint, its project's compiled code, and the extensions it needs (unpacked).</summary>
    public async Task EnsureJobAsync(JobSpec spec, CancellationToken cancellationToken)
    {
        await Task.WhenAll(BlobsOf(spec).Select(b => EnsureAsync(b.Hash, b.Size, cancellationToken)));
        // The extensions the job needs, unpacked into extensions/<id>/<version>/ where the job's process loads them from.
        foreach (var extension in spec.Extensions)
            DeepForge.Extensions.ExtensionBundles.Unpack(PathOf(extension.Blob), extension.Blob, DeepForge.Extensions.ExtensionBundles.CacheFolder(Root, extension));
    }

    private static List<(string Hash, long? Size)> BlobsOf(JobSpec spec)
    {
        var blobs = spec.Inputs.Values.Select(v => (v.Hash, Size: (long?)v.Size)).ToList();
        if (spec.AssemblyBlob is { } assembly) blobs.Add((assembly, null));
        if (spec.Checkpoint is { } checkpoint) blobs.Add((checkpoint.Hash, checkpoint.Size)); // the state a resumed job continues from
        foreach (var extension in spec.Extensions) blobs.Add((extension.Blob, extension.Size));
        return blobs.DistinctBy(b => b.Hash).ToList();
    }

    private CacheFill? TryLinkFromServer(string hash, long? size)
    {
        if (!_useBlob || _serverBlobDirectory == null) return null;
        var source = Path.Combine(_serverBlobDirectory, hash[..2], hash);
        var info = new FileInfo(source);
        if (!info.Exists || (size is { } expected && info.Length != expected)) return null;
        var temp = Path.Combine(_partial, $"{hash}.{Guid.NewGuid():n}.link");
        try
        {
            var kind = FileLinks.Link(source, temp) switch
            {
                LinkKind.HardLink => CacheFill.HardLink,
                LinkKind.SymbolicLink => CacheFill.SymbolicLink,
                _ => CacheFill.Copy,
            };
            // A copy is new bytes on this disk, so it is checked like a download; a link is the server's own checked file.
            if (kind == CacheFill.Copy && HashOf(temp) != hash) return null;
            Commit(temp, hash, written: kind == CacheFill.Copy);
            return kind;
        }
        catch (IOException e)
        {
            WorkerLog.BlobLinkFailed(_logger, hash, source, e.Message);
            return null;
        }
        catch (UnauthorizedAccessException e)
        {
            WorkerLog.BlobLinkFailed(_logger, hash, source, e.Message);
            return null;
        }
        finally
        {
            if (File.Exists(temp) || new FileInfo(temp).LinkTarget != null) File.Delete(temp);
        }
    }

    private async Task<long> DownloadAsync(string hash, CancellationToken cancellationToken)
    {
        if (_client == null) throw new DeepForgeException("blob", $"blob {hash} is not in the cache {Root} and this worker has no server to download it from");
        var part = Path.Combine(_partial, hash);
        var backoff = new Backoff(_maxBackoff);
        await using (var file = await OpenExclusiveAsync(part, cancellationToken))
        {
            if (File.Exists(PathOf(hash))) return new FileInfo(PathOf(hash)).Length; // another worker process on this cache fetched it meanwhile
            while (true)
            {
                try
                {
                    await ReceiveAsync(hash, file, cancellationToken);
                    break;
                }
                catch (Exception e) when (!cancellationToken.IsCancellationRequested && IsTransient(e))
                {
                    // What arrived stays in the part file; the next attempt asks for the rest with Range.
                    var delay = backoff.Next();
                    WorkerLog.BlobDownloadRetry(_logger, hash, file.Length, e.Message, delay.TotalMilliseconds);
                    await Task.Delay(delay, cancellationToken);
                }
            }
            await file.FlushAsync(cancellationToken);
            file.Position = 0;
            var actual = Convert.ToHexStringLower(await SHA256.HashDataAsync(file, cancellationToken));
            if (actual != hash)
            {
                file.SetLength(0);
                throw new DeepForgeException("blob", $"blob {hash} from {_client.ServerUrl} does not match its hash (got {actual}); nothing was kept");
            }
        }
        var length = new FileInfo(part).Length;
        Commit(part, hash);
        return length;
    }

    private async Task ReceiveAsync(string hash, FileStream file, CancellationToken cancellationToken)
    {
        var offset = file.Length;
        using var response = await _client!.GetBlobAsync(hash, offset, cancellationToken);
        if (response.StatusCode == HttpStatusCode.RequestedRangeNotSatisfiable)
        {
            // The part is as long as the blob, or longer (a stale part): start over.
            file.SetLength(0);
            throw new IOException($"the server refused the range from byte {offset}");
        }
        if (response.StatusCode == HttpStatusCode.PartialContent && response.Content.Headers.ContentRange?.From == offset)
            file.Position = offset;
        else
        {
            file.SetLength(0); // a whole body: the server ignored the range
            file.Position = 0;
        }
        await using var body = await response.Content.ReadAsStreamAsync(cancellationToken);
        await body.CopyToAsync(file, 1 << 20, cancellationToken);
    }

    private static bool IsTransient(Exception e) => e switch
    {
        DeepForgeApiException s => s.Transient,
        HttpRequestException or IOException => true,
        _ => false,
    };

    private static async Task<FileStream> OpenExclusiveAsync(string path, CancellationToken cancellationToken)
    {
        // FileShare.None locks the part file, so two worker processes sharing this cache never write one blob at once.
        while (true)
        {
            try { return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None, 1 << 16, useAsync: true); }
            catch (IOException) when (File.Exists(path)) { await Task.Delay(100, cancellationToken); }
        }
    }

    // Checked once per worker process (and again when the file changes); a damaged file is moved to the cache's quarantine.
    private bool IsWhole(string hash)
    {
        try { return Store.VerifiedPath(hash) != null; }
        catch (BlobDamagedException e)
        {
            WorkerLog.BlobDamaged(_logger, hash, e.Message);
            return false;
        }
    }

    // Flushed and read-only before the rename, as the server stores blobs: a job opening its input for writing is refused.
    private void Commit(string temp, string hash, bool written = true)
    {
        var target = PathOf(hash);
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        if (written) // a link is the server's file, stored read-only already
        {
            DurableFiles.Flush(temp);
            DurableFiles.MakeReadOnly(temp);
        }
        try { File.Move(temp, target); }
        catch (IOException) when (File.Exists(target)) { File.Delete(temp); } // the same bytes arrived by another way first
    }

    private static string HashOf(string path)
    {
        using var stream = File.OpenRead(path);
        return Convert.ToHexStringLower(SHA256.HashData(stream));
    }
}
