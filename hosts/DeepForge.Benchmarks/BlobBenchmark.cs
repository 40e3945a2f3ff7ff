using System.Buffers;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using DeepForge.Blobs;
using DeepForge.Runner.Protocol;
using Microsoft.Extensions.DependencyInjection;

namespace DeepForge.Benchmarks;

/// <summary>
/// Blob throughput over loopback HTTP beside a plain file copy on the same disk. A file of random bytes is
/// written to a temporary folder; a real server (its data folder in the same temporary folder) takes it with
/// PUT /api/v1/blobs/{sha256} (streamed, hash checked by the server as it arrives) and gives it back with
/// GET, streamed to a file. The copies are File.Copy (the kernel copies on Linux) and a stream copy with a
/// 1 MiB buffer. Measured twice: to the file system's cache (a step's output is flushed to disk outside
/// the clock, so its writeback does not slow the next step), and to disk (the fsync inside the clock).
/// Before each step as many bytes are written and deleted, outside the clock (see <see cref="Warm"/>).
/// Rounds alternate the steps and the best of each counts.
/// </summary>
internal static class BlobBenchmark
{
    private const int BufferBytes = 1 << 20;

    public static async Task<object> RunAsync(BenchHost host, long size, int rounds, CancellationToken cancellationToken)
    {
        if (size < 1) throw new DeepForgeException("--size", "--size must be at least 1 byte");
        if (rounds < 1) throw new DeepForgeException("--rounds", "--rounds must be 1 or more");
        var root = Path.Combine(Path.GetTempPath(), $"deepforge-bench-{Guid.NewGuid():n}");
        Directory.CreateDirectory(root);
        try
        {
            var source = Path.Combine(root, "source.bin");
            var hash = WriteRandom(source, size);
            var token = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(24));
            await using var server = await BenchServer.StartAsync(host, Path.Combine(root, "server"), token, 16, cancellationToken);
            var blobs = server.Services.GetRequiredService<IBlobStore>();
            using var http = Client(server.Url, token);
            var cached = new Steps();
            var durable = new Steps();
            var copy = Path.Combine(root, "copy.bin");
            var downloaded = Path.Combine(root, "download.bin");
            for (var round = 0; round < rounds; round++)
            {
                // The file system's cache: each step done when its bytes are written, not yet on disk.
                cached.FileCopy.Add(Time(root, size, () => File.Copy(source, copy)));
                Settle(copy, delete: true);
                cached.StreamCopy.Add(Time(root, size, () => StreamCopy(source, copy)));
                Settle(copy, delete: true);
                cached.Upload.Add(await TimeAsync(root, size, () => UploadAsync(http, source, hash, size, cancellationToken)));
                var stored = blobs.LocalPath(hash); // null for a small blob, which the server keeps in its database; a stored file is on disk already (the store flushes before its rename)
                cached.Download.Add(await TimeAsync(root, size, () => DownloadAsync(http, hash, downloaded, size, cancellationToken)));
                Settle(downloaded, delete: false);
                if (HashOf(downloaded) != hash) throw new InvalidOperationException("the downloaded bytes differ from the uploaded ones");
                File.Delete(downloaded);
                if (stored != null) File.Delete(stored); // the next upload stores it anew

                // On disk: each step done when its bytes are flushed (fsync inside the clock).
                durable.StreamCopy.Add(Time(root, size, () => { StreamCopy(source, copy); Settle(copy, delete: false); }));
                File.Delete(copy);
                // The store flushes a blob to disk before renaming it into place: an upload is durable when it is answered.
                durable.Upload.Add(await TimeAsync(root, size, () => UploadAsync(http, source, hash, size, cancellationToken)));
                durable.Download.Add(await TimeAsync(root, size, async () =>
                {
                    await DownloadAsync(http, hash, downloaded, size, cancellationToken);
                    Settle(downloaded, delete: false);
                }));
                File.Delete(downloaded);
                if (blobs.LocalPath(hash) is { } again) File.Delete(again);
            }
            double Rate(double seconds) => Math.Round(size / 1e6 / seconds, 1);
            var copyBaseline = Math.Min(cached.FileCopy.Min(), cached.StreamCopy.Min()); // the faster copy is the bar
            return new
            {
                Benchmark = "blob", Bytes = size, Rounds = rounds, Folder = Path.GetTempPath(), Transport = "http loopback",
                UploadMBps = Rate(cached.Upload.Min()), DownloadMBps = Rate(cached.Download.Min()),
                FileCopyMBps = Rate(cached.FileCopy.Min()), StreamCopyMBps = Rate(cached.StreamCopy.Min()),
                Copy = cached.FileCopy.Min() <= cached.StreamCopy.Min() ? "File.Copy" : "stream copy, 1 MiB buffer",
                UploadToCopy = Math.Round(copyBaseline / cached.Upload.Min(), 3), DownloadToCopy = Math.Round(copyBaseline / cached.Download.Min(), 3),
                DurableUploadMBps = Rate(durable.Upload.Min()), DurableDownloadMBps = Rate(durable.Download.Min()), DurableCopyMBps = Rate(durable.StreamCopy.Min()),
                DurableCopy = "stream copy, 1 MiB buffer, then fsync",
                DurableUploadToCopy = Math.Round(durable.StreamCopy.Min() / durable.Upload.Min(), 3),
                DurableDownloadToCopy = Math.Round(durable.StreamCopy.Min() / durable.Download.Min(), 3),
                UploadRoundsMBps = cached.Upload.Select(Rate).ToList(), DownloadRoundsMBps = cached.Download.Select(Rate).ToList(),
                FileCopyRoundsMBps = cached.FileCopy.Select(Rate).ToList(), StreamCopyRoundsMBps = cached.StreamCopy.Select(Rate).ToList(),
                DurableUploadRoundsMBps = durable.Upload.Select(Rate).ToList(), DurableDownloadRoundsMBps = durable.Download.Select(Rate).ToList(),
                DurableCopyRoundsMBps = durable.StreamCopy.Select(Rate).ToList(),
            };
        }
        finally
        {
            try { Directory.Delete(root, recursive: true); }
            catch (IOException e) { Console.Error.WriteLine($"could not delete {root}: {e.Message}"); }
        }
    }

    /// <summary>A size such as 1GiB, 256MiB, 100MB, 4096 (bytes); K, M, G alone are binary.</summary>
    public static long ParseSize(string text)
    {
        var value = text.Trim();
        var digits = value.TakeWhile(c => char.IsDigit(c) || c == '.').Count();
        var unit = value[digits..].Trim().ToUpperInvariant();
        long scale = unit switch
        {
            "" or "B" => 1,
            "K" or "KIB" => 1L << 10, "M" or "MIB" => 1L << 20, "G" or "GIB" => 1L << 30, "T" or "TIB" => 1L << 40,
            "KB" => 1_000, "MB" => 1_000_000, "GB" => 1_000_000_000, "TB" => 1_000_000_000_000,
            _ => 0,
        };
        if (digits == 0 || scale == 0 || !double.TryParse(value[..digits], NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var number) || number <= 0)
            throw new DeepForgeException("--size", $"'{text}' is not a size: write it like 1GiB, 256MiB, 100MB or a number of bytes");
        return (long)Math.Round(number * scale);
    }

    private static HttpClient Client(string url, string token)
    {
        var client = new HttpClient(new SocketsHttpHandler { AutomaticDecompression = DecompressionMethods.None, UseProxy = false })
        {
            BaseAddress = new Uri(url + "/"), Timeout = Timeout.InfiniteTimeSpan,
        };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        client.DefaultRequestHeaders.Add(RunnerProtocol.VersionHeader, RunnerProtocol.Version.ToString(CultureInfo.InvariantCulture));
        return client;
    }

    private static async Task UploadAsync(HttpClient http, string path, string hash, long size, CancellationToken cancellationToken)
    {
        using var content = new FileContent(path, size);
        using var response = await http.PutAsync($"api/v1/blobs/{hash}", content, cancellationToken);
        if (response.StatusCode is not (HttpStatusCode.Created or HttpStatusCode.OK))
            throw new InvalidOperationException($"PUT blob answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync(cancellationToken)}");
    }

    private static async Task DownloadAsync(HttpClient http, string hash, string path, long size, CancellationToken cancellationToken)
    {
        using var response = await http.GetAsync($"api/v1/blobs/{hash}", HttpCompletionOption.ResponseHeadersRead, cancellationToken);
        if (response.StatusCode != HttpStatusCode.OK) throw new InvalidOperationException($"GET blob answered {(int)response.StatusCode}");
        await using var body = await response.Content.ReadAsStreamAsync(cancellationToken);
        using var file = File.OpenHandle(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, FileOptions.None, size);
        var (current, next) = (ArrayPool<byte>.Shared.Rent(BufferBytes), ArrayPool<byte>.Shared.Rent(BufferBytes));
        try
        {
            // Whole 1 MiB buffers (the socket hands over far smaller pieces), written while the next one arrives.
            long written = 0;
            var length = await body.ReadAtLeastAsync(current.AsMemory(0, BufferBytes), BufferBytes, throwOnEndOfStream: false, cancellationToken);
            while (length > 0)
            {
                var write = RandomAccess.WriteAsync(file, current.AsMemory(0, length), written, cancellationToken);
                int nextLength;
                try
                {
                    nextLength = length < BufferBytes ? 0
                        : await body.ReadAtLeastAsync(next.AsMemory(0, BufferBytes), BufferBytes, throwOnEndOfStream: false, cancellationToken);
                }
                finally
                {
                    await write;
                }
                written += length;
                (current, next, length) = (next, current, nextLength);
            }
            if (written != size) throw new InvalidOperationException($"GET blob gave {written} bytes, not {size}");
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(current);
            ArrayPool<byte>.Shared.Return(next);
        }
    }

    private static void StreamCopy(string source, string target)
    {
        using var from = new FileStream(source, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 0);
        using var to = new FileStream(target, FileMode.CreateNew, FileAccess.Write, FileShare.None, bufferSize: 0);
        from.CopyTo(to, BufferBytes);
    }

    private static string WriteRandom(string path, long size)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        using (var file = File.OpenHandle(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, FileOptions.None, size))
        {
            var buffer = new byte[BufferBytes];
            for (long offset = 0; offset < size; offset += BufferBytes)
            {
                var chunk = buffer.AsSpan(0, (int)Math.Min(BufferBytes, size - offset));
                RandomNumberGenerator.Fill(chunk);
                hash.AppendData(chunk);
                RandomAccess.Write(file, chunk, offset);
            }
        }
        Settle(path, delete: false);
        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }

    private static string HashOf(string path)
    {
        using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, BufferBytes);
        return Convert.ToHexStringLower(SHA256.HashData(file));
    }

    /// <summary>Flushes a file a step wrote to disk (outside the clock), and deletes it when asked.</summary>
    private static void Settle(string path, bool delete)
    {
        using (var file = new FileStream(path, FileMode.Open, FileAccess.ReadWrite, FileShare.ReadWrite, 1)) file.Flush(flushToDisk: true);
        if (delete) File.Delete(path);
    }

    private static double Time(string root, long size, Action action)
    {
        Warm(root, size);
        var clock = Stopwatch.StartNew();
        action();
        return clock.Elapsed.TotalSeconds;
    }

    private static async Task<double> TimeAsync(string root, long size, Func<Task> action)
    {
        Warm(root, size);
        var clock = Stopwatch.StartNew();
        await action();
        return clock.Elapsed.TotalSeconds;
    }

    /// <summary>
    /// Writes and deletes as many bytes as the next step writes, outside the clock, so every step writes to
    /// memory the system has just used. On a virtual machine, memory the guest has not touched lately
    /// (returned to the host, or never used) costs a fault on the host per page, which made whichever
    /// step came first after a pause several times slower than the same step right after another.
    /// </summary>
    private static void Warm(string root, long size)
    {
        var scratch = Path.Combine(root, "warm.bin");
        using (var file = File.OpenHandle(scratch, FileMode.Create, FileAccess.Write))
        {
            var buffer = ArrayPool<byte>.Shared.Rent(BufferBytes);
            try
            {
                for (long offset = 0; offset < size; offset += BufferBytes)
                    RandomAccess.Write(file, buffer.AsSpan(0, (int)Math.Min(BufferBytes, size - offset)), offset);
            }
            finally
            {
                ArrayPool<byte>.Shared.Return(buffer);
            }
        }
        File.Delete(scratch);
    }

    private sealed class Steps
    {
        public List<double> FileCopy { get; } = [];
        public List<double> StreamCopy { get; } = [];
        public List<double> Upload { get; } = [];
        public List<double> Download { get; } = [];
    }

    /// <summary>A file as a request body, read in 1 MiB pieces into one pooled buffer: no copy of the body in memory.</summary>
    private sealed class FileContent : HttpContent
    {
        private readonly string _path;
        private readonly long _size;

        public FileContent(string path, long size)
        {
            (_path, _size) = (path, size);
            Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
            Headers.ContentLength = size;
        }

        protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context) => SerializeToStreamAsync(stream, context, CancellationToken.None);

        protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context, CancellationToken cancellationToken)
        {
            using var file = File.OpenHandle(_path, FileMode.Open, FileAccess.Read, FileShare.Read, FileOptions.SequentialScan);
            var buffer = ArrayPool<byte>.Shared.Rent(BufferBytes);
            try
            {
                for (long offset = 0; offset < _size;)
                {
                    var read = await RandomAccess.ReadAsync(file, buffer.AsMemory(0, BufferBytes), offset, cancellationToken);
                    if (read == 0) throw new IOException($"{_path} ended at {offset} of {_size} bytes");
                    await stream.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
                    offset += read;
                }
            }
            finally
            {
                ArrayPool<byte>.Shared.Return(buffer);
            }
        }

        protected override bool TryComputeLength(out long length)
        {
            length = _size;
            return true;
        }
    }
}
