using DeepForge.Storage.PostgreSql;
using Npgsql;

namespace DeepForge.Storage.Tests.PostgreSql;

/// <summary>What the contract cannot say: several processes' stores on one database, the setting's forms, failures.</summary>
[Collection(PostgreSqlCollection.Name)]
public sealed class PostgreSqlStoreTests(PostgreSqlFixture fixture)
{
    [Fact]
    public async Task Initialize_MakesTheSchemaOnce_WhenManyStoresStartAtTheSameTime()
    {
        var connection = fixture.FreshSchema();
        var stores = Enumerable.Range(0, 8).Select(_ => Open(connection)).ToList();

        await Task.WhenAll(stores.Select(s => Task.Run(() => s.InitializeAsync())));
        await stores[0].PutAsync("things", "a", null, "{}", expectedVersion: 0);

        Assert.Equal(1, (await stores[^1].GetAsync("things", "a"))!.Version);
        await Task.WhenAll(stores.Select(s => s.DisposeAsync().AsTask()));
    }

    [Fact]
    public async Task Append_NumbersEveryEntryOnce_WhenTwoStoresAppendToOneStreamAtOnce()
    {
        var connection = fixture.FreshSchema();
        await using var first = Open(connection);
        await using var second = Open(connection);

        await Task.WhenAll(new[] { first, second }.SelectMany(store =>
            Enumerable.Range(0, 10).Select(i => Task.Run(() => store.AppendAsync("log/shared", [$"{i}a", $"{i}b"])))));

        var entries = await first.ReadStreamAsync("log/shared", 0, 1000);
        Assert.Equal(Enumerable.Range(1, 40).Select(i => (long)i), entries.Select(e => e.Sequence));
    }

    [Fact]
    public async Task Append_KeepsTheLineWithAReplacementCharacter_WhenItHoldsANulWhichPostgreSqlTextCannot()
    {
        await using var store = Open(fixture.FreshSchema());

        await store.AppendAsync("log/binary", ["before\0after", "plain"]);

        Assert.Equal(["before\uFFFDafter", "plain"], (await store.ReadStreamAsync("log/binary", 0, 10)).Select(e => e.Text));
    }

    [Fact]
    public async Task Store_AcceptsAPostgresUrl_AsLibpqWritesIt()
    {
        var database = "url_" + Guid.NewGuid().ToString("N");
        fixture.Cluster.Execute($"CREATE DATABASE {database}");
        await using var store = new PostgreSqlDocumentStore(new PostgreSqlStoreOptions { ConnectionString = fixture.Cluster.Url(database) });

        await store.PutAsync("things", "a", "p", """{"via":"url"}""", expectedVersion: 0);

        await using var direct = Open(fixture.Cluster.ConnectionString(database));
        Assert.Equal("""{"via":"url"}""", (await direct.GetAsync("things", "a"))!.Json);
    }

    [Fact]
    public async Task Calls_ThrowStoreUnavailableNamingTheStore_WhenNothingListensOnThePort()
    {
        await using var store = Open($"Host=127.0.0.1;Port={ClosedPort()};Username=postgres;Database=nowhere;Timeout=5");

        var error = await Assert.ThrowsAsync<DocumentStoreUnavailableException>(() => store.GetAsync("things", "a"));

        Assert.Contains("PostgreSQL 127.0.0.1:", error.Message, StringComparison.Ordinal);
        Assert.Contains("/nowhere is unavailable", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', error.Message);
    }

    [Fact]
    public async Task Calls_ThrowStoreUnavailable_WhenTheDatabaseDoesNotExist()
    {
        await using var store = Open(fixture.Cluster.ConnectionString("missing_" + Guid.NewGuid().ToString("N")));

        var error = await Assert.ThrowsAsync<DocumentStoreUnavailableException>(() => store.InitializeAsync());

        Assert.Contains("3D000", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Calls_ThrowStoreUnavailable_WhenTheDatabaseStallsPastTheCommandTimeout()
    {
        var connection = fixture.FreshSchema();
        await using (var setUp = Open(connection))
        {
            await setUp.InitializeAsync();
        }

        // Another session holds the table locked, so the store's read waits until its one-second timeout.
        await using var blocker = new NpgsqlConnection(connection);
        await blocker.OpenAsync();
        await using var transaction = await blocker.BeginTransactionAsync();
        await using (var locking = new NpgsqlCommand("LOCK TABLE deepforge_documents IN ACCESS EXCLUSIVE MODE", blocker, transaction))
        {
            await locking.ExecuteNonQueryAsync();
        }

        await using var store = Open(connection + ";Command Timeout=1");
        var error = await Assert.ThrowsAsync<DocumentStoreUnavailableException>(() => store.GetAsync("things", "a"));

        Assert.Contains("in time", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("  ")]
    public void Options_NameTheOptionAndTheFix_WhenTheConnectionStringIsEmpty(string connection)
    {
        var error = Assert.Throws<InvalidOperationException>(() => Open(connection));

        Assert.Contains("PostgreSqlStoreOptions.ConnectionString", error.Message, StringComparison.Ordinal);
        Assert.Contains("UsePostgreSql(", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Hots=localhost")]
    [InlineData("Database=deepforge")]
    [InlineData("postgres://[not-a-host/db")]
    public void Options_NameTheOptionAndTheForms_WhenTheConnectionStringIsNotOne(string connection)
    {
        var error = Assert.Throws<InvalidOperationException>(() => Open(connection));

        Assert.Contains("PostgreSqlStoreOptions.ConnectionString", error.Message, StringComparison.Ordinal);
        Assert.Contains("postgres://", error.Message, StringComparison.Ordinal);
    }

    private static PostgreSqlDocumentStore Open(string connection) => new(new PostgreSqlStoreOptions { ConnectionString = connection });

    private static int ClosedPort()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }
}
