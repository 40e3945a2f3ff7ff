using DeepForge.Client;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace DeepForge.Server.Tests.Client;

/// <summary>A client set up wrongly says which option and what to set it to, when it is first made.</summary>
public sealed class ClientOptionsTests
{
    [Fact]
    public void Client_NamesServerUrlAndTheFix_WhenNoServerIsGiven()
    {
        using var services = new ServiceCollection().AddDeepForgeClient(o => o.Token = "t").Services.BuildServiceProvider();

        var error = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IDeepForgeClient>());

        Assert.Contains("DeepForgeClientOptions.ServerUrl", error.Message, StringComparison.Ordinal);
        Assert.Contains("http://127.0.0.1:8888", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Client_NamesMaxRetries_WhenItIsNegative()
    {
        using var services = new ServiceCollection().AddDeepForgeClient(o => { o.ServerUrl = new Uri("http://127.0.0.1:1"); o.MaxRetries = -1; })
            .Services.BuildServiceProvider();

        var error = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IRunnerClient>());

        Assert.Contains("DeepForgeClientOptions.MaxRetries is -1", error.Message, StringComparison.Ordinal);
    }
}
