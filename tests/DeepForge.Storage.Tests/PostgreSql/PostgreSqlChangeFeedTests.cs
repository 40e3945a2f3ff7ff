using DeepForge.Storage.PostgreSql;
using DeepForge.Testing;

namespace DeepForge.Storage.Tests.PostgreSql;

/// <summary>The feed across processes: two stores on one database stand for two servers.</summary>
[Collection(PostgreSqlCollection.Name)]
public sealed class PostgreSqlChangeFeedTests(PostgreSqlFixture fixture)
{
    [Fact]
    public async Task Feed_TellsAWriteOfAnotherStore_WhenBothShareTheDatabase()
    {
        var connection = fixture.FreshSchema();
        await using var writer = Open(connection);
        await using var listener = Open(connection);
        using var heard = await ChangeRecorder.StartAsync(listener);

        await writer.PutAsync(Collections.Projects, "shared", null, "{}", expectedVersion: 0);

        await heard.WaitForAsync(new StoreChange(ChangeKind.Project, "shared", "shared", Collections.Projects));
    }

    [Fact]
    public async Task Feed_TellsNothing_WhenTheWriteIsInAnotherSchema()
    {
        await using var elsewhere = Open(fixture.FreshSchema());
        var connection = fixture.FreshSchema();
        await using var writer = Open(connection);
        await using var listener = Open(connection);
        using var heard = await ChangeRecorder.StartAsync(listener);

        await elsewhere.PutAsync(Collections.Projects, "other-deployment", null, "{}", expectedVersion: 0);
        await writer.PutAsync(Collections.Projects, "mine", null, "{}", expectedVersion: 0);

        await heard.WaitForAsync(new StoreChange(ChangeKind.Project, "mine", "mine", Collections.Projects));
        Assert.DoesNotContain(heard.All, c => c.Id == "other-deployment");
    }

    private static PostgreSqlDocumentStore Open(string connection) => new(new PostgreSqlStoreOptions { ConnectionString = connection });
}
