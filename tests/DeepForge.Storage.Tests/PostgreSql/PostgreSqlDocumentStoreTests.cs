using DeepForge.Storage.PostgreSql;
using DeepForge.Testing;

namespace DeepForge.Storage.Tests.PostgreSql;

/// <summary>The shared store contract, run against a fresh schema of a throwaway PostgreSQL cluster per test.</summary>
[Collection(PostgreSqlCollection.Name)]
public sealed class PostgreSqlDocumentStoreTests(PostgreSqlFixture fixture) : DocumentStoreContract
{
    protected override Task<IDocumentStore> CreateStoreAsync() =>
        Task.FromResult<IDocumentStore>(new PostgreSqlDocumentStore(new PostgreSqlStoreOptions { ConnectionString = fixture.FreshSchema() }));
}
