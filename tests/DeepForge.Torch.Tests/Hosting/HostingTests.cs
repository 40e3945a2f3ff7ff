using DeepForge.Hosting;
using DeepForge.Operations;
using DeepForge.Torch.Architectures;
using DeepForge.Torch.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace DeepForge.Torch.Tests.Hosting;

public sealed class HostingTests
{
    [Fact]
    public void AddTorch_RegistersThePluginOnce_WhenCalledTwice()
    {
        var services = new ServiceCollection();

        services.AddDeepForge(df => df.AddTorch().AddTorch());

        Assert.Single(services, d => d.ImplementationInstance is PluginRegistration r && r.Assembly == typeof(ArchitectureExtensions).Assembly);
    }

    [Fact]
    public void TorchDevice_IsTheCpu_ForACpuContext() =>
        Assert.Equal(TorchSharp.DeviceType.CPU, OperationContext.Create(new NullSink()).TorchDevice().type);

    private sealed class NullSink : DeepForge.Feedback.IFeedbackSink
    {
        public void Log(string text) { }

        public void Feedback(DeepForge.Feedback.FeedbackEvent feedbackEvent) { }
    }
}
