using DeepForge.Storage.MongoDb;
using DeepForge.Testing;

namespace DeepForge.Storage.Tests.MongoDb;

/// <summary>
/// The shared store contract on a MongoDB deployment named by DEEPFORGE_TEST_MONGO_URI (a replica set), each test in a
/// database of its own that is dropped after. MongoDB cannot be installed on every machine, so elsewhere every test
/// is reported as skipped with that reason.
/// </summary>
[RequiresEnvironment(UriVariable, "it names the MongoDB replica set to run the store contract against (mongodb://host:27017/?replicaSet=rs0)")]
public sealed class MongoDbDocumentStoreTests : DocumentStoreContract
{
    private const string UriVariable = "DEEPFORGE_TEST_MONGO_URI";
    private readonly string _database = "deepforge_test_" + Guid.NewGuid().ToString("N");

    protected override Task<IDocumentStore> CreateStoreAsync() =>
        Task.FromResult<IDocumentStore>(new MongoDbDocumentStore(new MongoDbStoreOptions { Uri = MongoTestUri.WithDatabase(Environment.GetEnvironmentVariable(UriVariable)!, _database) }));

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        using var client = new MongoDB.Driver.MongoClient(Environment.GetEnvironmentVariable(UriVariable));
        await client.DropDatabaseAsync(_database);
    }
}
