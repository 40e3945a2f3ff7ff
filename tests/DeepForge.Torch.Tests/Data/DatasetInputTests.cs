using DeepForge.Blobs;
using DeepForge.Torch.Data;
using DeepForge.Torch.Native;
using TorchSharp;
using static TorchSharp.torch;

namespace DeepForge.Torch.Tests.Data;

/// <summary>Datasets read as a job reads its inputs: from a blob folder, checked against the blob's hash as they are read.</summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")] // file modes: blobs are stored read-only on POSIX systems
public sealed class DatasetInputTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), $"deepforge-input-{Guid.NewGuid():n}");
    private readonly ImageDatasetSerializer _serializer = new();

    public DatasetInputTests() => TorchNative.EnsureLoaded();

    public void Dispose()
    {
        if (!Directory.Exists(_root)) return;
        foreach (var file in Directory.EnumerateFiles(_root, "*", SearchOption.AllDirectories)) File.SetAttributes(file, FileAttributes.Normal);
        Directory.Delete(_root, recursive: true);
    }

    private static ImageDataset Dataset(int count) =>
        new(randn(count, 3, 32, 32), randint(0, 10, count, ScalarType.Int64), ["plane", "car", "bird", "cat", "deer", "dog", "frog", "horse", "ship", "truck"]);

    private string Store(ImageDataset dataset) =>
        new FileBlobStore(_root).WriteAsync((stream, _) => { _serializer.Serialize(dataset, stream); return Task.CompletedTask; }).GetAwaiter().GetResult().Hash;

    // A new store: as a job's own process finds the blob, not yet checked by it.
    private ImageDataset ReadAsAJob(string hash) => new FileBlobStore(_root).ReadOnceAsync(hash, _serializer.Deserialize).GetAwaiter().GetResult();

    private string PathOf(string hash)
    {
        var path = new FileBlobStore(_root).LocalPath(hash)!;
        File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        return path;
    }

    [Fact]
    public void ReadOnce_OfAHundredMegabyteDataset_GivesBackTheSameBytes()
    {
        using var original = Dataset(8192 + 341); // 3x32x32 float32 images: 100 MB
        var hash = Store(original);

        using var copy = ReadAsAJob(hash);

        Assert.True(copy.Images.bytes.SequenceEqual(original.Images.bytes));
        Assert.True(copy.Labels.bytes.SequenceEqual(original.Labels.bytes));
        Assert.Equal(original.Classes, copy.Classes);
    }

    [Fact]
    public void Deserialize_ReadsTheLayoutDatasetsWereFirstStoredIn()
    {
        using var stream = new MemoryStream();
        using (var writer = new BinaryWriter(stream, System.Text.Encoding.UTF8, leaveOpen: true))
        {
            writer.Write("DFIMAGE1"u8);
            writer.Write(2);
            writer.Write("cat");
            writer.Write("dog");
            writer.Write(6); // ScalarType.Float32
            writer.Write(4);
            foreach (var size in new long[] { 2, 1, 1, 2 }) writer.Write(size);
            foreach (var pixel in new[] { 0.5f, -1f, 2f, 3.25f }) writer.Write(pixel);
            writer.Write(4); // ScalarType.Int64
            writer.Write(1);
            writer.Write(2L);
            writer.Write(1L);
            writer.Write(0L);
        }
        stream.Position = 0;

        using var dataset = _serializer.Deserialize(stream);

        Assert.Equal(new[] { "cat", "dog" }, dataset.Classes);
        Assert.Equal(new long[] { 2, 1, 1, 2 }, dataset.Images.shape);
        Assert.Equal(new[] { 0.5f, -1f, 2f, 3.25f }, dataset.Images.data<float>().ToArray());
        Assert.Equal(new[] { 1L, 0L }, dataset.Labels.data<long>().ToArray());
    }

    [Fact]
    public void ReadOnce_RefusesADatasetWhoseBytesChanged_AndKeepsNoTensorOfIt()
    {
        using var original = Dataset(64);
        var hash = Store(original);
        var path = PathOf(hash);
        using (var file = new FileStream(path, FileMode.Open, FileAccess.Write))
        {
            file.Position = file.Length / 2; // inside the images: the dataset still reads, its hash no longer matches
            file.Write("torn"u8);
        }
        ImageDataset? read = null;

        // The dataset is made before the check ends, and disposed (on whichever thread the check ends) when it fails.
        var error = Assert.Throws<BlobDamagedException>(() => new FileBlobStore(_root)
            .ReadOnceAsync(hash, stream => read = _serializer.Deserialize(stream)).GetAwaiter().GetResult());

        Assert.StartsWith($"blob {hash} is damaged: its bytes hash to {error.ActualHash}", error.Message);
        Assert.NotNull(read);
        Assert.True(read.Images.IsInvalid, "the images were not disposed");
        Assert.True(read.Labels.IsInvalid, "the labels were not disposed");
    }

    [Fact]
    public void ReadOnce_OfATruncatedBlob_SaysItIsDamaged_NotThatItEndedEarly()
    {
        using var original = Dataset(64);
        var hash = Store(original);
        var path = PathOf(hash);
        using (var file = new FileStream(path, FileMode.Open, FileAccess.Write)) file.SetLength(file.Length - 100);

        var error = Assert.Throws<BlobDamagedException>(() => ReadAsAJob(hash));

        Assert.Equal(hash, error.Hash);
    }

    [Fact]
    public void Deserialize_OfADatasetCutInItsLabels_NamesIt_AndKeepsNoTensorOfIt()
    {
        using var original = Dataset(64);
        using var whole = new MemoryStream();
        _serializer.Serialize(original, whole);
        using var truncated = new MemoryStream(whole.ToArray()[..^100]);
        var live = DisposeScopeManager.Statistics.ThreadTotalLiveCount;

        var error = Assert.Throws<DeepForgeException>(() => _serializer.Deserialize(truncated));

        Assert.StartsWith("stored image dataset could not be read:", error.Message);
        Assert.Equal(live, DisposeScopeManager.Statistics.ThreadTotalLiveCount);
    }
}
