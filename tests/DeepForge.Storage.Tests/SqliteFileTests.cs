using System.Globalization;
using DeepForge.Storage.Sqlite;
using Microsoft.Data.Sqlite;

namespace DeepForge.Storage.Tests;

/// <summary>What the contract cannot say: the file on disk, several stores on one file, the options.</summary>
public sealed class SqliteFileTests : IDisposable
{
    private readonly TempDatabase _database = new();

    public void Dispose() => _database.Dispose();

    [Fact]
    public async Task Data_Survives_WhenTheFileIsOpenedAgain()
    {
        await using (var first = Open())
        {
            await first.PutAsync("things", "a", "p", """{"kept":"ü"}""", expectedVersion: 0);
            await first.AppendAsync("log/a", ["one", "two"]);
        }

        await using var second = Open();

        Assert.Equal(new StoredDocument("things", "a", "p", 1, """{"kept":"ü"}"""), await second.GetAsync("things", "a"));
        await second.AppendAsync("log/a", ["three"]);
        Assert.Equal([1L, 2, 3], (await second.ReadStreamAsync("log/a", 0, 10)).Select(e => e.Sequence));
    }

    [Fact]
    public async Task Writes_AllSucceed_WhenTwoStoresContendForTheSameFile()
    {
        const int tasksPerStore = 4;
        const int incrementsPerTask = 25;
        await using var first = Open();
        await using var second = Open();
        await first.PutAsync("things", "counter", null, "0", expectedVersion: 0);

        var work = new[] { first, second }
            .SelectMany(store => Enumerable.Range(0, tasksPerStore).Select(_ => Task.Run(() => IncrementAndLogAsync(store, incrementsPerTask))));
        await Task.WhenAll(work);

        const int total = 2 * tasksPerStore * incrementsPerTask;
        Assert.Equal(total.ToString(CultureInfo.InvariantCulture), (await second.GetAsync("things", "counter"))!.Json);
        var entries = await first.ReadStreamAsync("log/shared", 0, 10 * total);
        Assert.Equal(Enumerable.Range(1, total).Select(i => (long)i), entries.Select(e => e.Sequence));
    }

    [Fact]
    public async Task Open_UsesWriteAheadLog_SoReadersDoNotBlockWriters()
    {
        await using (var store = Open())
        {
            await store.InitializeAsync();
        }

        using var connection = new SqliteConnection($"Data Source={_database.FilePath};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA journal_mode;";

        Assert.Equal("wal", command.ExecuteScalar());
    }

    [Fact]
    public async Task Open_CreatesTheDirectory_WhenItIsMissing()
    {
        var path = Path.Combine(_database.DirectoryPath, "nested", "deeper", "store.db");
        await using var store = new SqliteDocumentStore(new SqliteStoreOptions { DatabasePath = path });

        await store.InitializeAsync();

        Assert.True(File.Exists(path));
    }

    [Fact]
    public async Task Calls_Throw_WhenTheStoreIsDisposed()
    {
        var store = Open();
        await store.InitializeAsync();
        await store.DisposeAsync();

        await Assert.ThrowsAsync<ObjectDisposedException>(() => store.GetAsync("things", "a"));
    }

    [Fact]
    public async Task Calls_ThrowStoreUnavailableNamingTheFile_WhenTheDatabaseCannotBeOpened()
    {
        // A folder where SQLite must make its write-ahead log: the file itself opens, the log cannot (even for root).
        Directory.CreateDirectory(_database.FilePath + "-wal");
        await using var store = Open();

        var error = await Assert.ThrowsAsync<DocumentStoreUnavailableException>(() => store.InitializeAsync());

        Assert.StartsWith($"the store SQLite {_database.FilePath} is unavailable", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', error.Message);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void Options_NameTheOptionAndTheFix_WhenThePathIsEmpty(string path)
    {
        var error = Assert.Throws<InvalidOperationException>(() => new SqliteDocumentStore(new SqliteStoreOptions { DatabasePath = path }));

        Assert.Contains("SqliteStoreOptions.DatabasePath", error.Message, StringComparison.Ordinal);
        Assert.Contains("UseSqlite(", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Options_NameTheOptionAndTheDirectory_WhenTheDirectoryCannotBeCreated()
    {
        // A regular file where a directory should be: fails even for root, unlike a permission bit.
        Directory.CreateDirectory(_database.DirectoryPath);
        var blocker = Path.Combine(_database.DirectoryPath, "a-file");
        File.WriteAllText(blocker, "not a directory");
        var path = Path.Combine(blocker, "sub", "store.db");

        var error = Assert.Throws<InvalidOperationException>(() => new SqliteDocumentStore(new SqliteStoreOptions { DatabasePath = path }));

        Assert.Contains("SqliteStoreOptions.DatabasePath", error.Message, StringComparison.Ordinal);
        Assert.Contains(Path.Combine(blocker, "sub"), error.Message, StringComparison.Ordinal);
    }

    private SqliteDocumentStore Open() => new(new SqliteStoreOptions { DatabasePath = _database.FilePath });

    private static async Task IncrementAndLogAsync(IDocumentStore store, int increments)
    {
        for (var i = 0; i < increments; i++)
        {
            while (!await TryIncrementAsync(store))
            {
            }

            await store.AppendAsync("log/shared", ["increment"]);
        }
    }

    private static async Task<bool> TryIncrementAsync(IDocumentStore store)
    {
        var current = (await store.GetAsync("things", "counter"))!;
        var next = (long.Parse(current.Json, CultureInfo.InvariantCulture) + 1).ToString(CultureInfo.InvariantCulture);
        return await store.PutAsync("things", "counter", null, next, current.Version) is not null;
    }
}
