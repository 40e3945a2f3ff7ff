using DeepForge.Blobs;
using DeepForge.Extensions;
using DeepForge.Hosting;
using Microsoft.Extensions.Options;

namespace DeepForge.Server.Dispatch;

/// <summary>
/// The extensions installed in the server's data folder, as blobs workers fetch by hash like any other
/// (GET /api/v1/blobs/{sha256}). Each job carries the list, so a worker never runs a job without them.
/// Published into the blob store on first use; a failure is retried at the next job.
/// </summary>
internal sealed class ServerExtensions(IOptions<DeepForgeOptions> options, IBlobStore blobs) : IBlobRoots
{
    /// <summary>The published bundles: no document names them until a job does, and the collector must keep them.</summary>
    public IEnumerable<string> Hashes => _published?.Select(e => e.Blob) ?? [];

    private readonly SemaphoreSlim _gate = new(1, 1);
    private IReadOnlyList<JobExtension>? _published;

    public async Task<IReadOnlyList<JobExtension>> GetAsync(CancellationToken cancellationToken)
    {
        // Published again when a bundle is gone: 'deepforge blobs gc' in another process does not know this process holds them.
        if (_published is { } published && await AllStoredAsync(published, cancellationToken)) return published;
        await _gate.WaitAsync(cancellationToken);
        try
        {
            if (_published is { } again && await AllStoredAsync(again, cancellationToken)) return again;
            return _published = await PublishAsync(cancellationToken);
        }
        finally
        {
            _gate.Release();
        }
    }

    private async Task<bool> AllStoredAsync(IReadOnlyList<JobExtension> published, CancellationToken cancellationToken)
    {
        foreach (var extension in published)
            if (!await blobs.ExistsAsync(extension.Blob, cancellationToken)) return false;
        return true;
    }

    // Core says which extension's folder is missing; the command that hosts this server is how to install it again.
    private async Task<IReadOnlyList<JobExtension>> PublishAsync(CancellationToken cancellationToken)
    {
        try
        {
            return await ExtensionBundles.PublishAsync(options.Value.DataDirectory, blobs, cancellationToken);
        }
        catch (DeepForgeException e)
        {
            throw new DeepForgeException([.. e.Problems.Select(p => p with { Message = $"{p.Message} (deepforge extensions add)" })], e);
        }
    }
}
