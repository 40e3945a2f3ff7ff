namespace DeepForge.Architecture.Tests;

/// <summary>Blob reads and writes are asynchronous end to end: the code that serves them awaits the stores, it never blocks a thread on them.</summary>
public sealed class BlockingWaitTests
{
    private readonly Repository _repo = Repository.Load();

    [Fact]
    public void Blob_code_waits_on_no_task()
    {
        foreach (var folder in BlockingWaits.BlobFolders)
            Assert.NotEmpty(Directory.EnumerateFiles(Path.Combine(_repo.Root, folder), "*.cs", SearchOption.AllDirectories));

        var found = BlockingWaits.BlobFolders.SelectMany(f => BlockingWaits.In(_repo.Root, f)).ToList();

        Assert.True(found.Count == 0, "a blob path waits on a task; await it instead:\n" + string.Join("\n", found));
    }

    [Theory]
    [InlineData("documents.GetAsync(Collection, hash).GetAwaiter().GetResult();")]
    [InlineData("var stored = documents.GetAsync(Collection, hash).Result;")]
    [InlineData("store.DeleteAsync(Collection, hash).Wait();")]
    [InlineData("task.Wait(TimeSpan.FromSeconds(1));")]
    [InlineData("Task.WaitAll(first, second);")]
    public void The_scan_finds_a_blocking_wait(string line) => Assert.True(BlockingWaits.IsBlocking(line));

    [Theory]
    [InlineData("var stored = await documents.GetAsync(Collection, hash, cancellationToken);")]
    [InlineData("await _gate.WaitAsync(cancellationToken);")]
    [InlineData("var result = new BlobCollection(freed, kept, young);")]
    [InlineData("return bytes; // never .GetAwaiter().GetResult() here")]
    public void The_scan_passes_code_that_awaits(string line) => Assert.False(BlockingWaits.IsBlocking(line));
}
