using System.Runtime.InteropServices;
using DeepForge.Torch.Native;
using TorchSharp;

namespace DeepForge.Torch.Tests.Native;

public sealed class TorchNativeTests
{
    [Fact]
    public void EnsureLoaded_MakesTensorOperationsWork_OnThisMachine()
    {
        TorchNative.EnsureLoaded();

        using var ones = torch.ones(2, 2);
        using var sum = ones.sum();

        Assert.Equal(4f, sum.item<float>());
    }

    [Fact]
    public void EnsureLoaded_UsesPatchedCopy_ExactlyWhenShippedLibraryDoesNotLoad()
    {
        TorchNative.EnsureLoaded();

        // On Debian 12 (GCC 12's libstdc++) the shipped file fails for want of GLIBCXX_3.4.32;
        // on machines with a newer libstdc++ it loads and the patched copy must not be used.
        var shippedLoads = NativeLibrary.TryLoad(NativeFiles.LibTorchSharp, out _);

        Assert.Equal(!shippedLoads, TorchNative.UsedPatchedCopy);
    }

    [Fact]
    public async Task EnsureLoaded_IsSafe_WhenCalledRepeatedlyFromManyThreads()
    {
        var calls = Enumerable.Range(0, 8).Select(_ => Task.Run(() =>
        {
            TorchNative.EnsureLoaded();
            TorchNative.EnsureLoaded();
            using var t = torch.arange(4);
            return t.sum().item<long>();
        }));

        var sums = await Task.WhenAll(calls);

        Assert.All(sums, s => Assert.Equal(6L, s));
    }
}
