using DeepForge.Catalog;
using DeepForge.Data;
using DeepForge.Plugins;

namespace DeepForge.Torch.Tests.Catalog;

/// <summary>
/// A job process reads its catalog on demand: an operation by name, from the candidates its metadata names. It must give what
/// reading every operation gives, over what ships: Core's and Torch's operations and the seeds' code.
/// </summary>
public sealed class OnDemandCatalogTests
{
    [Theory]
    [InlineData("cifar10")]
    [InlineData("fashion-mnist")]
    [InlineData("images")]
    public async Task FindOnDemand_GivesTheWholeCatalogsOperation_ForEveryOperationOfTheSeedAndThePlugins(string seed)
    {
        await using var seeds = new SeedCatalogs();
        using var lease = await seeds.CompileAsync(seed);
        var whole = lease.Catalog;
        Assert.NotEmpty(whole.Operations);

        foreach (var expected in whole.Operations)
        {
            var onDemand = new OperationCatalog(Assemblies(seeds, whole), [], onDemand: true);
            var found = onDemand.Find(expected.Name);

            Assert.NotNull(found);
            Assert.Same(expected.Type, found.Type);
            Assert.Equal(expected.CodeHash, found.CodeHash);
            Assert.Equal(Json.Serialize(expected.Descriptor), Json.Serialize(found.Descriptor));
            foreach (var port in expected.InputTypes.Concat(expected.OutputTypes))
                Assert.Same(whole.ResolveType(DataTypeNames.Of(port)), onDemand.ResolveType(DataTypeNames.Of(port)));
        }
    }

    [Fact]
    public async Task FindOnDemand_ReadsNoOtherOperation_WhenTheOperationIsFound()
    {
        await using var seeds = new SeedCatalogs();
        using var lease = await seeds.CompileAsync("cifar10");
        var onDemand = new OperationCatalog(Assemblies(seeds, lease.Catalog), [], onDemand: true);

        Assert.NotNull(onDemand.Find("Train"));

        Assert.False(onDemand.IsComplete);
    }

    [Fact]
    public async Task FindOnDemand_AnswersAsTheWholeCatalog_WhenNoOperationHasTheName()
    {
        await using var seeds = new SeedCatalogs();
        using var lease = await seeds.CompileAsync("cifar10");
        var onDemand = new OperationCatalog(Assemblies(seeds, lease.Catalog), [], onDemand: true);

        Assert.Null(onDemand.Find("NoSuchOperation"));

        Assert.True(onDemand.IsComplete);
        Assert.Equal(lease.Catalog.Operations.Select(o => o.Name).Order(), onDemand.Operations.Select(o => o.Name).Order());
    }

    // The plugins, then the seed's compiled code, as a job process's catalog has them.
    private static List<PluginAssembly> Assemblies(SeedCatalogs seeds, OperationCatalog whole) =>
        [.. seeds.Plugins, new PluginAssembly("project", whole.Assemblies[^1]) { CodeHash = whole.SourceHash! }];
}
