using DeepForge.Operations;
using DeepForge.Torch.Hosting;

namespace DeepForge.Torch.Tests.Hosting;

/// <summary>The device jobs compute on, with the bundled CPU build of libtorch these tests load.</summary>
public sealed class TorchDevicesTests
{
    [Fact]
    public void UsableCudaDevices_WithTheBundledCpuBuild_IsZero() =>
        Assert.Equal(0, TorchDevices.UsableCudaDevices());

    [Fact]
    public void Best_WithTheBundledCpuBuild_IsCpu() =>
        Assert.Equal(ComputeDevice.Cpu, TorchDevices.Best());
}
