using DeepForge.Catalog;
using static DeepForge.Core.Tests.TestProjects;

namespace DeepForge.Core.Tests;

public sealed class CatalogProviderTests
{
    [Fact]
    public async Task Catalog_IsBuilt_AfterFirstCallerCancelled()
    {
        await using var df = TestEngine.Create();
        var catalogs = df.Get<CatalogProvider>();
        var sources = Create().Sources;

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => catalogs.ForAsync(sources, new CancellationToken(canceled: true)));
        using var lease = await catalogs.ForAsync(sources, CancellationToken.None);

        Assert.NotNull(lease.Catalog.Find("Numbers"));
    }

    [Fact]
    public async Task Catalog_CompilesAgain_AfterCodeThatDidNotCompileIsAskedForAgain()
    {
        await using var df = TestEngine.Create();
        var catalogs = df.Get<CatalogProvider>();
        List<DeepForge.Models.SourceFile> broken = [new("ops/Broken.cs", "public sealed class Broken : Operation { public int Execute() => \"x\"; }")];

        var first = await Assert.ThrowsAsync<DeepForgeException>(() => catalogs.ForAsync(broken, CancellationToken.None));
        var second = await Assert.ThrowsAsync<DeepForgeException>(() => catalogs.ForAsync(broken, CancellationToken.None));

        Assert.NotSame(first, second); // not a remembered failure
        Assert.Empty(await df.Documents.ListAsync("compilations", null));
    }
}
