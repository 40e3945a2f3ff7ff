using System.Security.Cryptography;

namespace DeepForge.Blobs;

/// <summary>
/// A blob file read once while a second reader hashes the same file beside it: the value and the check are made at
/// the same time, so a 100 MB dataset is ready in about the time its hash takes rather than the hash plus the read
/// (on one busy core it costs what hashing first and reading after did). <see cref="CompleteAsync"/> waits for the
/// hash and hands it to the store, which refuses a damaged blob. Blob files are written whole and renamed into place,
/// so both readers see the same bytes.
/// </summary>
internal sealed class CheckingReadStream : Stream
{
    private readonly FileStream _inner;
    private readonly Action<string> _checkHash;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task<string> _hashing;
    private bool _completed;

    public CheckingReadStream(FileStream inner, Action<string> checkHash)
    {
        (_inner, _checkHash) = (inner, checkHash);
        var path = inner.Name;
        var stop = _stop.Token;
        _hashing = Task.Run(() => HashFileAsync(path, stop), stop);
    }

    /// <summary>Waits for the hash of the whole file, closes it and checks the hash; throws <see cref="BlobDamagedException"/> when the bytes are not the blob's.</summary>
    public async Task CompleteAsync(CancellationToken cancellationToken)
    {
        if (_completed) return;
        _completed = true;
        await _inner.DisposeAsync();
        _checkHash(await _hashing.WaitAsync(cancellationToken));
    }

    public override int Read(Span<byte> buffer) => _inner.Read(buffer);

    public override int Read(byte[] buffer, int offset, int count) => _inner.Read(buffer, offset, count);

    public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        // A local file: reading it on this thread is what the reader waits for anyway.
        cancellationToken.ThrowIfCancellationRequested();
        return ValueTask.FromResult(_inner.Read(buffer.Span));
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override long Seek(long offset, SeekOrigin origin) => _inner.Seek(offset, origin);

    public override long Position
    {
        get => _inner.Position;
        set => _inner.Position = value;
    }

    public override bool CanRead => true;
    public override bool CanSeek => true;
    public override bool CanWrite => false;
    public override long Length => _inner.Length;
    public override void Flush() { }
    public override void SetLength(long value) => throw new NotSupportedException();
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _inner.Dispose();
            // A read given up before its check, or a check whose wait was cancelled: the hash is not wanted any more.
            if (!_hashing.IsCompleted) _stop.Cancel();
            _hashing.ContinueWith(_ => _stop.Dispose(), CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
        }
        base.Dispose(disposing);
    }

    private static async Task<string> HashFileAsync(string path, CancellationToken cancellationToken)
    {
        await using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan);
        return Convert.ToHexStringLower(await SHA256.HashDataAsync(file, cancellationToken));
    }
}
