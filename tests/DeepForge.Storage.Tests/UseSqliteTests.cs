using DeepForge.Hosting;
using DeepForge.Storage.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace DeepForge.Storage.Tests;

public sealed class UseSqliteTests : IDisposable
{
    private readonly TempDatabase _database = new();

    public void Dispose() => _database.Dispose();

    [Fact]
    public async Task UseSqlite_RegistersOneSingletonStoreForTheLastPath_WhenCalledTwice()
    {
        var services = new ServiceCollection();
        var first = Path.Combine(_database.DirectoryPath, "first.db");
        var second = Path.Combine(_database.DirectoryPath, "second.db");

        services.AddDeepForge(df => df.UseSqlite(first)).AddDeepForge(df => df.UseSqlite(second));

        var descriptor = Assert.Single(services, d => d.ServiceType == typeof(IDocumentStore));
        Assert.Equal(ServiceLifetime.Singleton, descriptor.Lifetime);
        await using var provider = services.BuildServiceProvider();
        var store = provider.GetRequiredService<IDocumentStore>();
        Assert.IsType<SqliteDocumentStore>(store);
        Assert.Same(store, provider.GetRequiredService<IDocumentStore>());
        await store.InitializeAsync();
        Assert.True(File.Exists(second));
        Assert.False(File.Exists(first));
    }
}
