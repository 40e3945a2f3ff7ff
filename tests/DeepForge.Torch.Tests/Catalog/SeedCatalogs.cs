using DeepForge.Catalog;
using DeepForge.Hosting;
using DeepForge.Models;
using DeepForge.Plugins;
using DeepForge.Torch.Hosting;
using DeepForge.Torch.Tests.Export;
using Microsoft.Extensions.DependencyInjection;

namespace DeepForge.Torch.Tests.Catalog;

/// <summary>An engine with what ships (Core, Torch, the compiler) over a temporary folder, that compiles a shipped seed's operations into a catalog.</summary>
internal sealed class SeedCatalogs : IAsyncDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("deepforge-catalog-").FullName;
    private readonly ServiceProvider _services;

    public SeedCatalogs() =>
        _services = new ServiceCollection()
            .AddDeepForge(df => df.UseDataDirectory(_folder).UseSqlite(Path.Combine(_folder, "deepforge.db")).AddTorch().AddCompilation())
            .BuildServiceProvider();

    /// <summary>The plugins of the engine, in the order a catalog reads them.</summary>
    public IReadOnlyList<PluginAssembly> Plugins => _services.GetRequiredService<PluginRegistry>().Assemblies;

    /// <summary>The whole catalog of the plugins and the seed's compiled operations.</summary>
    public Task<CatalogLease> CompileAsync(string seed)
    {
        var operations = RepositoryFiles.Path("seeds", seed, "operations");
        var sources = Directory.GetFiles(operations, "*.cs").Order(StringComparer.Ordinal)
            .Select(path => new SourceFile($"operations/{Path.GetFileName(path)}", File.ReadAllText(path))).ToList();
        return _services.GetRequiredService<CatalogProvider>().ForAsync(sources, CancellationToken.None);
    }

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync();
        Directory.Delete(_folder, recursive: true);
    }
}
