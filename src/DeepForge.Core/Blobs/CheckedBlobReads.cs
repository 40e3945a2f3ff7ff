namespace DeepForge.Blobs;

/// <summary>
/// Reads a blob into a value while a second reader checks its bytes against the blob's name beside it
/// (see <see cref="FileBlobStore.OpenReadOnceAsync"/>): the value is handed out only once the whole blob
/// hashed right, and a damaged blob is reported as damaged even when the reader failed on its bytes first.
/// </summary>
internal static class CheckedBlobReads
{
    public static async Task<T> ReadAsync<T>(IBlobStore blobs, string hash, Func<Stream, T> read, CancellationToken cancellationToken)
    {
        await using var stream = blobs is FileBlobStore files
            ? await files.OpenReadOnceAsync(hash, cancellationToken)
            : await blobs.OpenReadAsync(hash, cancellationToken); // checked before it is opened
        if (stream is not CheckingReadStream checking) return read(stream);
        T value;
        try
        {
            value = read(stream);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // A torn or changed file often fails the reader first: that it is damaged is the better answer.
            await CompleteAfterFailureAsync(checking, cancellationToken);
            throw;
        }
        try
        {
            await checking.CompleteAsync(cancellationToken);
        }
        catch
        {
            (value as IDisposable)?.Dispose();
            throw;
        }
        return value;
    }

    private static async Task CompleteAfterFailureAsync(CheckingReadStream checking, CancellationToken cancellationToken)
    {
        try
        {
            await checking.CompleteAsync(cancellationToken);
        }
        catch (IOException e) when (e is not BlobDamagedException) { } // the reader's own error says more
    }
}
