using DeepForge.Catalog;
using DeepForge.Hosting;
using DeepForge.Plugins;
using DeepForge.Storage;
using Microsoft.Extensions.DependencyInjection;
using static DeepForge.Core.Tests.TestProjects;

namespace DeepForge.Core.Tests;

/// <summary>What a worker's job process uses: plugins and compiled project code, with no document store at all.</summary>
public sealed class PluginsWithoutStoreTests
{
    [Fact]
    public void Plugins_AreGiven_WithoutAStore()
    {
        using var services = new ServiceCollection()
            .AddDeepForgePlugins(df => df.AddPlugin(typeof(PluginsWithoutStoreTests).Assembly, "core-tests"))
            .BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true });

        var plugins = services.GetRequiredService<PluginRegistry>();

        Assert.Contains(plugins.Assemblies, a => a.Name == "DeepForge.Core");
        Assert.Contains(plugins.Assemblies, a => a.Name == "core-tests");
        Assert.Null(services.GetService<IDocumentStore>());
    }

    [Fact]
    public async Task CompiledProjectCode_Loads_InACatalogProviderWithoutAStore()
    {
        await using var df = TestEngine.Create();
        string sourceHash, assemblyBlob;
        using (var compiled = await df.Get<CatalogProvider>().ForAsync(Create().Sources, CancellationToken.None))
            (sourceHash, assemblyBlob) = (compiled.Catalog.SourceHash!, compiled.Catalog.ProjectAssemblyBlob!);
        var storeless = new CatalogProvider(df.Get<PluginRegistry>(), df.Blobs, store: null);

        using var lease = await storeless.ForAssemblyBlobAsync(sourceHash, assemblyBlob, CancellationToken.None);

        Assert.True(lease.HasOperation("Numbers"));
    }

    [Fact]
    public async Task Sources_AreRefused_ByACatalogProviderWithoutAStore()
    {
        await using var df = TestEngine.Create();
        var storeless = new CatalogProvider(df.Get<PluginRegistry>(), df.Blobs, store: null);

        var refused = await Assert.ThrowsAsync<InvalidOperationException>(() => storeless.ForAsync(Create().Sources, CancellationToken.None));

        Assert.Contains("no store", refused.Message, StringComparison.Ordinal);
    }
}
