using DeepForge.Storage;
using Xunit;

namespace DeepForge.Testing;

/// <summary>
/// The behaviour every <see cref="IDocumentStore"/> must have. Subclass it in a test project and
/// implement <see cref="CreateStoreAsync"/>; xunit then runs every test below against that store.
/// Each test gets a fresh store, already initialized.
/// </summary>
public abstract partial class DocumentStoreContract : IAsyncLifetime
{
    private const string Things = "things";
    private IDocumentStore? _store;

    /// <summary>The store under test, created for this test.</summary>
    protected IDocumentStore Store => _store ?? throw new InvalidOperationException("The store is created in InitializeAsync.");

    /// <summary>Creates a fresh, empty store. The contract calls its InitializeAsync and disposes it when it is disposable.</summary>
    protected abstract Task<IDocumentStore> CreateStoreAsync();

    /// <summary>Creates and initializes the store for one test.</summary>
    public virtual async Task InitializeAsync()
    {
        _store = await CreateStoreAsync();
        await _store.InitializeAsync();
    }

    /// <summary>Disposes the store when it is disposable; override to clean up more, and call this.</summary>
    public virtual async Task DisposeAsync()
    {
        switch (_store)
        {
            case IAsyncDisposable asyncDisposable:
                await asyncDisposable.DisposeAsync();
                break;
            case IDisposable disposable:
                disposable.Dispose();
                break;
        }
    }

    [StoreFact]
    public async Task Get_ReturnsNull_WhenDocumentIsMissing()
    {
        Assert.Null(await Store.GetAsync(Things, "missing"));
    }

    [StoreFact]
    public async Task Get_ReturnsEveryField_WhenDocumentExists()
    {
        await Store.PutAsync(Things, "a", "p1", """{"x":1}""", expectedVersion: 0);

        var document = await Store.GetAsync(Things, "a");

        Assert.Equal(new StoredDocument(Things, "a", "p1", 1, """{"x":1}"""), document);
    }

    [StoreFact]
    public async Task Get_ReturnsNullPartition_WhenWrittenWithoutPartition()
    {
        await Store.PutAsync(Things, "a", null, "{}", expectedVersion: null);

        Assert.Null((await Store.GetAsync(Things, "a"))!.Partition);
    }

    [StoreFact]
    public async Task Put_InsertsVersionOne_WhenExpectedVersionIsZeroAndDocumentIsMissing()
    {
        Assert.Equal(1, await Store.PutAsync(Things, "a", null, "{}", expectedVersion: 0));
    }

    [StoreFact]
    public async Task Put_ReturnsNull_WhenExpectedVersionIsZeroAndDocumentExists()
    {
        await Store.PutAsync(Things, "a", null, """{"first":true}""", expectedVersion: 0);

        Assert.Null(await Store.PutAsync(Things, "a", null, """{"second":true}""", expectedVersion: 0));
        Assert.Equal("""{"first":true}""", (await Store.GetAsync(Things, "a"))!.Json);
    }

    [StoreFact]
    public async Task Put_IncrementsVersion_WhenExpectedVersionMatches()
    {
        await Store.PutAsync(Things, "a", "p1", """{"v":1}""", expectedVersion: 0);

        Assert.Equal(2, await Store.PutAsync(Things, "a", "p2", """{"v":2}""", expectedVersion: 1));
        Assert.Equal(new StoredDocument(Things, "a", "p2", 2, """{"v":2}"""), await Store.GetAsync(Things, "a"));
    }

    [StoreFact]
    public async Task Put_ReturnsNullAndLeavesDocumentUnchanged_WhenExpectedVersionIsStale()
    {
        await Store.PutAsync(Things, "a", "p", """{"v":1}""", expectedVersion: 0);
        await Store.PutAsync(Things, "a", "p", """{"v":2}""", expectedVersion: 1);

        Assert.Null(await Store.PutAsync(Things, "a", "other", """{"v":"stale"}""", expectedVersion: 1));
        Assert.Equal(new StoredDocument(Things, "a", "p", 2, """{"v":2}"""), await Store.GetAsync(Things, "a"));
    }

    [StoreFact]
    public async Task Put_ReturnsNull_WhenExpectedVersionIsPositiveAndDocumentIsMissing()
    {
        Assert.Null(await Store.PutAsync(Things, "a", null, "{}", expectedVersion: 1));
        Assert.Null(await Store.GetAsync(Things, "a"));
    }

    [StoreFact]
    public async Task Put_WritesAndIncrementsVersion_WhenExpectedVersionIsNull()
    {
        Assert.Equal(1, await Store.PutAsync(Things, "a", null, """{"v":1}""", expectedVersion: null));
        Assert.Equal(2, await Store.PutAsync(Things, "a", null, """{"v":2}""", expectedVersion: null));
        Assert.Equal("""{"v":2}""", (await Store.GetAsync(Things, "a"))!.Json);
    }

    [StoreFact]
    public async Task Put_KeepsCollectionsApart_WhenIdsAreEqual()
    {
        await Store.PutAsync("one", "a", null, """{"c":1}""", expectedVersion: 0);

        Assert.Equal(1, await Store.PutAsync("two", "a", null, """{"c":2}""", expectedVersion: 0));
        Assert.Equal("""{"c":1}""", (await Store.GetAsync("one", "a"))!.Json);
    }

    [StoreFact]
    public async Task Put_RoundTripsJsonExactly_WhenItHasUnicodeAndWhitespace()
    {
        const string json = "{ \"text\" : \"Grüße, 你好, שלום, e\u0301, 🚀👩‍💻\",\n\t\"escaped\": \"\\u00e9\\n\" }";
        await Store.PutAsync(Things, "ü-🚀", "π", json, expectedVersion: 0);

        var document = await Store.GetAsync(Things, "ü-🚀");

        Assert.Equal(json, document!.Json, StringComparer.Ordinal);
        Assert.Equal("π", document.Partition);
    }

    [StoreFact]
    public async Task List_ReturnsCollectionOrderedById_WhenPartitionIsNull()
    {
        await Store.PutAsync(Things, "c", "p1", "{}", expectedVersion: 0);
        await Store.PutAsync(Things, "a", "p2", "{}", expectedVersion: 0);
        await Store.PutAsync(Things, "b", null, "{}", expectedVersion: 0);
        await Store.PutAsync("others", "0", null, "{}", expectedVersion: 0);

        var documents = await Store.ListAsync(Things, partition: null);

        Assert.Equal(["a", "b", "c"], documents.Select(d => d.Id));
        Assert.All(documents, d => Assert.Equal(Things, d.Collection));
    }

    [StoreFact]
    public async Task List_ReturnsOnlyThatPartitionOrderedById_WhenPartitionIsGiven()
    {
        await Store.PutAsync(Things, "z", "p1", """{"z":1}""", expectedVersion: 0);
        await Store.PutAsync(Things, "m", "p1", """{"m":1}""", expectedVersion: 0);
        await Store.PutAsync(Things, "a", "p2", "{}", expectedVersion: 0);
        await Store.PutAsync(Things, "b", null, "{}", expectedVersion: 0);
        await Store.PutAsync("others", "c", "p1", "{}", expectedVersion: 0);

        var documents = await Store.ListAsync(Things, "p1");

        Assert.Equal(
            [new StoredDocument(Things, "m", "p1", 1, """{"m":1}"""), new StoredDocument(Things, "z", "p1", 1, """{"z":1}""")],
            documents);
    }

    [StoreFact]
    public async Task List_ReturnsEmpty_WhenCollectionHasNoDocuments()
    {
        Assert.Empty(await Store.ListAsync(Things, partition: null));
        Assert.Empty(await Store.ListAsync(Things, "p"));
    }

    [StoreFact]
    public async Task Delete_RemovesDocumentAndReturnsTrue_WhenDocumentExists()
    {
        await Store.PutAsync(Things, "a", null, "{}", expectedVersion: 0);
        await Store.PutAsync(Things, "b", null, "{}", expectedVersion: 0);

        Assert.True(await Store.DeleteAsync(Things, "a"));
        Assert.Null(await Store.GetAsync(Things, "a"));
        Assert.NotNull(await Store.GetAsync(Things, "b"));
    }

    [StoreFact]
    public async Task Delete_ReturnsFalse_WhenDocumentIsMissing()
    {
        Assert.False(await Store.DeleteAsync(Things, "missing"));
    }

    [StoreFact]
    public async Task Put_InsertsAgain_WhenDocumentWasDeleted()
    {
        await Store.PutAsync(Things, "a", null, "{}", expectedVersion: 0);
        await Store.DeleteAsync(Things, "a");

        Assert.Equal(1, await Store.PutAsync(Things, "a", null, "{}", expectedVersion: 0));
    }

    [StoreFact]
    public async Task PutMany_WritesEveryDocument_WhenEveryConditionHolds()
    {
        await Store.PutAsync(Things, "existing", null, """{"v":1}""", expectedVersion: 0);

        var written = await Store.PutManyAsync(
        [
            new DocumentWrite(Things, "new", "p", """{"new":true}""", 0),
            new DocumentWrite(Things, "existing", null, """{"v":2}""", 1),
            new DocumentWrite(Things, "free", null, """{"free":true}""", null),
        ]);

        Assert.True(written);
        Assert.Equal(1, (await Store.GetAsync(Things, "new"))!.Version);
        Assert.Equal(new StoredDocument(Things, "existing", null, 2, """{"v":2}"""), await Store.GetAsync(Things, "existing"));
        Assert.NotNull(await Store.GetAsync(Things, "free"));
    }

    [StoreFact]
    public async Task PutMany_WritesNothing_WhenOneWriteIsStale()
    {
        await Store.PutAsync(Things, "existing", null, """{"v":1}""", expectedVersion: 0);
        await Store.PutAsync(Things, "existing", null, """{"v":2}""", expectedVersion: 1);

        var written = await Store.PutManyAsync(
        [
            new DocumentWrite(Things, "new", null, "{}", 0),
            new DocumentWrite(Things, "free", null, "{}", null),
            new DocumentWrite(Things, "existing", null, """{"v":"stale"}""", 1),
        ]);

        Assert.False(written);
        Assert.Null(await Store.GetAsync(Things, "new"));
        Assert.Null(await Store.GetAsync(Things, "free"));
        Assert.Equal(new StoredDocument(Things, "existing", null, 2, """{"v":2}"""), await Store.GetAsync(Things, "existing"));
    }

    [StoreFact]
    public async Task PutMany_ReturnsTrue_WhenThereIsNothingToWrite()
    {
        Assert.True(await Store.PutManyAsync([]));
    }

    [StoreFact]
    public async Task Append_NumbersEntriesFromOneInOrder_WhenStreamIsNew()
    {
        await Store.AppendAsync("log/a", ["first", "second", "third"]);

        Assert.Equal(
            [new StreamEntry(1, "first"), new StreamEntry(2, "second"), new StreamEntry(3, "third")],
            await Store.ReadStreamAsync("log/a", 0, 100));
    }

    [StoreFact]
    public async Task Append_ContinuesAfterLastEntry_WhenStreamHasEntries()
    {
        await Store.AppendAsync("log/a", ["1", "2"]);
        await Store.AppendAsync("log/a", ["3"]);
        await Store.AppendAsync("log/a", ["4", "5"]);

        var entries = await Store.ReadStreamAsync("log/a", 0, 100);

        Assert.Equal([1L, 2, 3, 4, 5], entries.Select(e => e.Sequence));
        Assert.Equal(["1", "2", "3", "4", "5"], entries.Select(e => e.Text));
    }

    [StoreFact]
    public async Task Append_NumbersEachStreamOnItsOwn_WhenStreamsInterleave()
    {
        await Store.AppendAsync("log/a", ["a1"]);
        await Store.AppendAsync("log/b", ["b1", "b2"]);
        await Store.AppendAsync("log/a", ["a2"]);

        Assert.Equal([new StreamEntry(1, "a1"), new StreamEntry(2, "a2")], await Store.ReadStreamAsync("log/a", 0, 100));
        Assert.Equal([new StreamEntry(1, "b1"), new StreamEntry(2, "b2")], await Store.ReadStreamAsync("log/b", 0, 100));
    }

    [StoreFact]
    public async Task Append_WritesNothing_WhenEntriesAreEmpty()
    {
        await Store.AppendAsync("log/a", []);
        await Store.AppendAsync("log/a", ["first"]);

        Assert.Equal([new StreamEntry(1, "first")], await Store.ReadStreamAsync("log/a", 0, 100));
    }

    [StoreFact]
    public async Task ReadStream_ReturnsOnlyEntriesAfterSequence()
    {
        await Store.AppendAsync("log/a", ["1", "2", "3", "4"]);

        Assert.Equal([new StreamEntry(3, "3"), new StreamEntry(4, "4")], await Store.ReadStreamAsync("log/a", 2, 100));
        Assert.Empty(await Store.ReadStreamAsync("log/a", 4, 100));
    }

    [StoreFact]
    public async Task ReadStream_ReturnsAtMostMaxOldestFirst()
    {
        await Store.AppendAsync("log/a", ["1", "2", "3", "4", "5"]);

        Assert.Equal([new StreamEntry(2, "2"), new StreamEntry(3, "3")], await Store.ReadStreamAsync("log/a", 1, 2));
    }

    [StoreFact]
    public async Task ReadStream_ReturnsEmpty_WhenStreamIsMissing()
    {
        Assert.Empty(await Store.ReadStreamAsync("log/missing", 0, 100));
    }

    [StoreFact]
    public async Task ReadStream_RoundTripsTextExactly_WhenItHasUnicodeAndNewlines()
    {
        const string text = "línea 1\r\n行 2\t🚀 \u200b end ";
        await Store.AppendAsync("log/a", [text]);

        Assert.Equal(text, (await Store.ReadStreamAsync("log/a", 0, 1)).Single().Text, StringComparer.Ordinal);
    }

    [StoreFact]
    public async Task DeleteStreams_RemovesOnlyStreamsWithThePrefix()
    {
        await Store.AppendAsync("log/e1/n1", ["x"]);
        await Store.AppendAsync("log/e1/n2", ["x"]);
        await Store.AppendAsync("log/e10/n1", ["kept: longer id, not under log/e1/"]);
        await Store.AppendAsync("feedback/e1/n1", ["kept: other kind"]);
        await Store.AppendAsync("LOG/e1/n1", ["kept: other case"]);

        await Store.DeleteStreamsAsync("log/e1/");

        Assert.Empty(await Store.ReadStreamAsync("log/e1/n1", 0, 100));
        Assert.Empty(await Store.ReadStreamAsync("log/e1/n2", 0, 100));
        Assert.Single(await Store.ReadStreamAsync("log/e10/n1", 0, 100));
        Assert.Single(await Store.ReadStreamAsync("feedback/e1/n1", 0, 100));
        Assert.Single(await Store.ReadStreamAsync("LOG/e1/n1", 0, 100));
    }

    [StoreFact]
    public async Task DeleteStreams_TreatsWildcardCharactersLiterally()
    {
        await Store.AppendAsync("log/a_b", ["x"]);
        await Store.AppendAsync("log/aXb", ["kept"]);
        await Store.AppendAsync("log/%/1", ["x"]);
        await Store.AppendAsync("log/zz", ["kept"]);

        await Store.DeleteStreamsAsync("log/a_");
        await Store.DeleteStreamsAsync("log/%");

        Assert.Empty(await Store.ReadStreamAsync("log/a_b", 0, 100));
        Assert.Empty(await Store.ReadStreamAsync("log/%/1", 0, 100));
        Assert.Single(await Store.ReadStreamAsync("log/aXb", 0, 100));
        Assert.Single(await Store.ReadStreamAsync("log/zz", 0, 100));
    }

    [StoreFact]
    public async Task Put_HasExactlyOneWinnerPerVersion_WhenManyTasksRaceConditionalUpdates()
    {
        const int tasks = 20;
        await Store.PutAsync(Things, "counter", null, "0", expectedVersion: 0);

        var winningVersions = await Task.WhenAll(Enumerable.Range(0, tasks).Select(_ => Task.Run(IncrementCounterAsync)));

        var counter = await Store.GetAsync(Things, "counter");
        Assert.Equal(tasks.ToString(System.Globalization.CultureInfo.InvariantCulture), counter!.Json);
        Assert.Equal(tasks + 1, counter.Version);
        Assert.Equal(Enumerable.Range(2, tasks).Select(v => (long)v), winningVersions.Order());
    }

    [StoreFact]
    public async Task Initialize_IsSafeAndKeepsData_WhenCalledAgain()
    {
        await Store.PutAsync(Things, "a", null, "{}", expectedVersion: 0);
        await Store.AppendAsync("log/a", ["x"]);

        await Store.InitializeAsync();
        await Store.InitializeAsync();

        Assert.NotNull(await Store.GetAsync(Things, "a"));
        Assert.Single(await Store.ReadStreamAsync("log/a", 0, 100));
    }

    /// <summary>Compare-and-swap loop: read, add one, write at the read version, retry when beaten.</summary>
    private async Task<long> IncrementCounterAsync()
    {
        while (true)
        {
            var current = (await Store.GetAsync(Things, "counter"))!;
            var next = (long.Parse(current.Json, System.Globalization.CultureInfo.InvariantCulture) + 1)
                .ToString(System.Globalization.CultureInfo.InvariantCulture);
            if (await Store.PutAsync(Things, "counter", null, next, current.Version) is { } version)
            {
                return version;
            }

            await Task.Yield();
        }
    }
}
