using System.Text.Json;
using DeepForge.Blobs;
using DeepForge.Catalog;
using DeepForge.Compilation;
using DeepForge.Compilation.Roslyn;
using DeepForge.Data;
using DeepForge.Models;
using DeepForge.Runtime;
using DeepForge.Worker.Cache;
using Microsoft.Extensions.Logging.Abstractions;

namespace DeepForge.Worker.Tests.Infrastructure;

/// <summary>
/// What a worker finds when a job arrives, without a server: a "server blob folder" (a FileBlobStore)
/// holding the test operations compiled by Roslyn and the job's inputs, and an empty cache folder.
/// </summary>
internal sealed class JobFixture : IDisposable
{
    private static readonly Lazy<byte[]> Assembly = new(() =>
    {
        var (image, errors, _) = RoslynCompiler.Emit(RoslynCompiler.Create("WorkerTestOps", WorkerTestOps.Sources));
        return image ?? throw new InvalidOperationException(string.Join("\n", errors));
    });

    private readonly TempFolder _folder;

    private JobFixture(TempFolder folder, string assemblyBlob)
    {
        _folder = folder;
        ServerBlobs = new FileBlobStore(ServerBlobDirectory);
        AssemblyBlob = assemblyBlob;
    }

    public string Root => _folder.Path;

    public string ServerBlobDirectory => _folder["server-blob"];

    public string CacheDirectory => _folder["cache"];

    public string JobsDirectory => _folder["jobs"];

    /// <summary>Blobs as the server keeps them: every one a file (no small-blob documents).</summary>
    public FileBlobStore ServerBlobs { get; }

    public string AssemblyBlob { get; }

    public string SourceHash { get; } = SourceHasher.Hash(WorkerTestOps.Sources);

    public string this[string relative] => _folder[relative];

    public static async Task<JobFixture> CreateAsync(string? root = null)
    {
        var folder = new TempFolder(root);
        var blobs = new FileBlobStore(System.IO.Path.Combine(folder.Path, "server-blob"));
        var assembly = await blobs.PutAsync(new MemoryStream(Assembly.Value));
        return new JobFixture(folder, assembly.Hash);
    }

    /// <summary>A cache over this fixture's cache folder that links from its server blob folder when <paramref name="useBlob"/> is on; it has no server to download from.</summary>
    public BlobCache Cache(bool useBlob = true) =>
        new(CacheDirectory, useBlob, ServerBlobDirectory, client: null, TimeSpan.FromSeconds(1), NullLogger.Instance);

    /// <summary>Stores a value in the server blob folder, as an earlier job's output would be.</summary>
    public async Task<OutputValue> InputAsync<T>(T value)
    {
        var blob = await ServerBlobs.WriteAsync((s, ct) => JsonSerializer.SerializeAsync(s, value, Json.Options, ct));
        return new OutputValue(DataTypeNames.Of(typeof(T)), blob.Hash, blob.Size);
    }

    public JobSpec Job(string operation, object? attributes = null, Dictionary<string, OutputValue>? inputs = null, string node = "n1") => new()
    {
        ExecutionId = "e1", NodeId = node, Attempt = 1, Operation = operation,
        SourceHash = SourceHash, AssemblyBlob = AssemblyBlob,
        Attributes = attributes == null ? new() : JsonSerializer.SerializeToElement(attributes).EnumerateObject().ToDictionary(p => p.Name, p => p.Value.Clone()),
        Inputs = inputs ?? new(),
    };

    /// <summary>A job folder under the fixture, as the agent makes one per job.</summary>
    public string NewJobFolder()
    {
        var path = System.IO.Path.Combine(JobsDirectory, Guid.NewGuid().ToString("n"));
        Directory.CreateDirectory(path);
        return path;
    }

    /// <summary>Reads a value from the blob store (JSON, as the engine stores plain values).</summary>
    public static async Task<T> ReadAsync<T>(IBlobStore blobs, OutputValue value)
    {
        await using var stream = await blobs.OpenReadAsync(value.Hash);
        return (await JsonSerializer.DeserializeAsync<T>(stream, Json.Options))!;
    }

    public void Dispose() => _folder.Dispose();
}
