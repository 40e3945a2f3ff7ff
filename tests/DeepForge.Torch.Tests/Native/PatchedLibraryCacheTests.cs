using DeepForge.Torch.Native;

namespace DeepForge.Torch.Tests.Native;

public sealed class PatchedLibraryCacheTests
{
    private const string Version = "GLIBCXX_3.4.32";

    [Fact]
    public void GetOrCreate_WritesWeakCopyUnderHashOfOriginal_WhenCacheIsEmpty()
    {
        var root = NativeFiles.NewScratchFolder();
        try
        {
            var copy = PatchedLibraryCache.GetOrCreate(NativeFiles.LibTorchSharp, Version, root);

            Assert.StartsWith(root, copy);
            Assert.Equal("libLibTorchSharp.so", Path.GetFileName(copy));
            Assert.Matches("^[0-9a-f]{64}$", Path.GetFileName(Path.GetDirectoryName(copy)!));
            var requirement = Assert.Single(ElfVersionPatcher.ReadVersionRequirements(File.ReadAllBytes(copy)), r => r.Name == Version);
            Assert.True(requirement.IsWeak);
            Assert.Single(Directory.GetFiles(Path.GetDirectoryName(copy)!));
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    [Fact]
    public async Task GetOrCreate_GivesOneCompleteCopy_WhenManyCallersRaceForIt()
    {
        var root = NativeFiles.NewScratchFolder();
        try
        {
            var copies = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ =>
                Task.Run(() => PatchedLibraryCache.GetOrCreate(NativeFiles.LibTorchSharp, Version, root))));

            var copy = Assert.Single(copies.Distinct());
            Assert.Single(Directory.GetFiles(Path.GetDirectoryName(copy)!));
            var expected = File.ReadAllBytes(NativeFiles.LibTorchSharp);
            ElfVersionPatcher.MarkVersionWeak(expected, Version);
            Assert.Equal(expected, File.ReadAllBytes(copy));
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }
}
