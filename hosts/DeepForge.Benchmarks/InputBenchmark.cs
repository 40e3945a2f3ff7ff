using System.Diagnostics;
using System.Security.Cryptography;
using DeepForge.Blobs;
using DeepForge.Torch.Data;
using static TorchSharp.torch;

namespace DeepForge.Benchmarks;

/// <summary>
/// Milliseconds until a stored dataset of --mb megabytes (CIFAR-10 shaped float32 images and their labels) is a value
/// an operation can use, read as a job reads its input: from a blob folder, by a store that has not read it before (a
/// job's own process), its bytes checked against the blob's name by a hash made beside the read (<see cref="FileBlobStore.ReadOnceAsync"/>,
/// what the runtime reads inputs with). Beside it, to tie the figure to its parts: the same read by a store that found
/// the blob whole already (the copy into the tensors alone), the file's SHA-256 alone, a file read into new memory
/// alone, and the two-pass read inputs took before (hash the file, then read it). The file is in the page cache (it
/// was just written and read). Rounds alternate the steps; best and median of each.
/// </summary>
internal static class InputBenchmark
{
    private const int Channels = 3, Side = 32;

    public static async Task<object> RunAsync(int megabytes, int rounds, CancellationToken cancellationToken)
    {
        if (megabytes < 1) throw new DeepForgeException("--mb", "--mb must be at least 1");
        if (rounds < 1) throw new DeepForgeException("--rounds", "--rounds must be 1 or more");
        DeepForge.Torch.Native.TorchNative.EnsureLoaded(); // no engine here to load libtorch first
        var root = Path.Combine(Path.GetTempPath(), $"deepforge-bench-{Guid.NewGuid():n}");
        try
        {
            var serializer = new ImageDatasetSerializer();
            var images = (int)((long)megabytes * 1_000_000 / (Channels * Side * Side * sizeof(float)));
            var (hash, bytes) = await StoreAsync(new FileBlobStore(root), serializer, images, cancellationToken);
            var path = new FileBlobStore(root).LocalPath(hash)!;
            var steps = new Dictionary<string, List<double>>
            {
                ["ready"] = [], ["readyKnownWhole"] = [], ["hashOnly"] = [], ["fileReadOnly"] = [], ["twoPass"] = [],
            };
            for (var round = 0; round < rounds; round++)
            {
                var store = new FileBlobStore(root); // as a job's process finds it: nothing of it checked yet
                steps["ready"].Add(await TimeAsync(() => store.ReadOnceAsync(hash, serializer.Deserialize, cancellationToken)));
                steps["readyKnownWhole"].Add(await TimeAsync(() => store.ReadOnceAsync(hash, serializer.Deserialize, cancellationToken)));
                steps["hashOnly"].Add(Time(() =>
                {
                    using var file = File.OpenRead(path);
                    SHA256.HashData(file);
                }));
                steps["fileReadOnly"].Add(Time(() => File.ReadAllBytes(path)));
                var before = new FileBlobStore(root);
                steps["twoPass"].Add(await TimeAsync(async () =>
                {
                    await using var stream = await before.OpenReadAsync(hash, cancellationToken);
                    return serializer.Deserialize(stream);
                }));
            }
            return new
            {
                Benchmark = "input", Images = images, Bytes = bytes, Rounds = rounds,
                ReadyMs = Best(steps["ready"]), ReadyMedianMs = Median(steps["ready"]),
                ReadyMegabytesPerSecond = Math.Round(bytes / 1e3 / Best(steps["ready"]), 0),
                ReadyKnownWholeMs = Best(steps["readyKnownWhole"]), HashOnlyMs = Best(steps["hashOnly"]),
                FileReadOnlyMs = Best(steps["fileReadOnly"]), TwoPassMs = Best(steps["twoPass"]), TwoPassMedianMs = Median(steps["twoPass"]),
            };
        }
        finally
        {
            if (Directory.Exists(root)) DeleteReadOnly(root);
        }
    }

    private static async Task<(string Hash, long Bytes)> StoreAsync(FileBlobStore blobs, ImageDatasetSerializer serializer, int images, CancellationToken cancellationToken)
    {
        random.manual_seed(7);
        using var data = new ImageDataset(randn(images, Channels, Side, Side), randint(0, 10, images, ScalarType.Int64), ["a", "b", "c", "d", "e", "f", "g", "h", "i", "j"]);
        var blob = await blobs.WriteAsync((stream, _) => { serializer.Serialize(data, stream); return Task.CompletedTask; }, cancellationToken);
        return (blob.Hash, blob.Size);
    }

    private static async Task<double> TimeAsync(Func<Task<ImageDataset>> read)
    {
        var clock = Stopwatch.StartNew();
        using var data = await read();
        return clock.Elapsed.TotalMilliseconds;
    }

    private static double Time(Action action)
    {
        var clock = Stopwatch.StartNew();
        action();
        return clock.Elapsed.TotalMilliseconds;
    }

    private static double Best(List<double> times) => Math.Round(times.Min(), 1);

    private static double Median(List<double> times) => Math.Round(times.Order().ElementAt(times.Count / 2), 1);

    // Blobs are stored read-only; the folder is the bench's own.
    private static void DeleteReadOnly(string root)
    {
        foreach (var file in Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories)) File.SetAttributes(file, FileAttributes.Normal);
        Directory.Delete(root, recursive: true);
    }
}
