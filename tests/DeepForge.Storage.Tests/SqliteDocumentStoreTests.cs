using DeepForge.Storage.Sqlite;
using DeepForge.Testing;

namespace DeepForge.Storage.Tests;

/// <summary>The shared store contract, run against a SQLite file of its own per test.</summary>
public sealed class SqliteDocumentStoreTests : DocumentStoreContract
{
    private readonly TempDatabase _database = new();

    protected override Task<IDocumentStore> CreateStoreAsync() =>
        Task.FromResult<IDocumentStore>(new SqliteDocumentStore(new SqliteStoreOptions { DatabasePath = _database.FilePath }));

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        _database.Dispose();
    }
}
