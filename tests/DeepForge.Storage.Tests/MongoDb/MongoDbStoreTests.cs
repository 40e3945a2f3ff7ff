using DeepForge.Storage.MongoDb;

namespace DeepForge.Storage.Tests.MongoDb;

/// <summary>What needs no MongoDB server: the setting's checks, and how an unreachable deployment is reported.</summary>
public sealed class MongoDbStoreTests
{
    [Fact]
    public async Task Calls_ThrowStoreUnavailableNamingTheStore_WhenNoServerAnswers()
    {
        using var store = new MongoDbDocumentStore(new MongoDbStoreOptions { Uri = "mongodb://127.0.0.1:1/df?serverSelectionTimeoutMS=300&connectTimeoutMS=300" });

        var error = await Assert.ThrowsAsync<DocumentStoreUnavailableException>(() => store.GetAsync("things", "a"));

        Assert.StartsWith("the store MongoDB 127.0.0.1:1/df is unavailable", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', error.Message);
    }

    [Theory]
    [InlineData("")]
    [InlineData(" ")]
    public void Options_NameTheOptionAndTheFix_WhenTheUriIsEmpty(string uri)
    {
        var error = Assert.Throws<InvalidOperationException>(() => new MongoDbDocumentStore(new MongoDbStoreOptions { Uri = uri }));

        Assert.Contains("MongoDbStoreOptions.Uri", error.Message, StringComparison.Ordinal);
        Assert.Contains("UseMongoDb(", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("localhost:27017")]
    [InlineData("mongodb://host:notaport/db")]
    public void Options_NameTheOptionAndTheForm_WhenTheUriIsNotOne(string uri)
    {
        var error = Assert.Throws<InvalidOperationException>(() => new MongoDbDocumentStore(new MongoDbStoreOptions { Uri = uri }));

        Assert.Contains("MongoDbStoreOptions.Uri", error.Message, StringComparison.Ordinal);
        Assert.Contains("mongodb://", error.Message, StringComparison.Ordinal);
    }
}
