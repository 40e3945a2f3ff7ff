using DeepForge.Storage.Sqlite;
using DeepForge.Testing;

namespace DeepForge.Storage.Tests;

/// <summary>The SQLite feed for writes of another store on the same file (another process): noticed, not named.</summary>
public sealed class SqliteChangeFeedTests : IDisposable
{
    private readonly TempDatabase _database = new();

    [Fact]
    public async Task Feed_TellsEverything_WhenAnotherStoreWritesToTheSameFile()
    {
        await using var writer = Open();
        await using var listener = Open();
        await listener.InitializeAsync();
        using var heard = await ChangeRecorder.StartAsync(listener);

        await writer.PutAsync(Collections.Projects, "elsewhere", null, "{}", expectedVersion: 0);

        await heard.WaitForAsync(StoreChange.Everything);
    }

    public void Dispose() => _database.Dispose();

    private SqliteDocumentStore Open() => new(new SqliteStoreOptions { DatabasePath = _database.FilePath });
}
