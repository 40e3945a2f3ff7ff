namespace DeepForge.Storage;

/// <summary>
/// The store could not be reached or did not answer in time (a database that is down, unreachable, refusing the
/// sign-in, or stalled past its timeout). Every <see cref="IDocumentStore"/> turns such failures into this one type,
/// with a message of one line that names the store and what to check, so hosts report them the same way whatever
/// the store. It is an <see cref="IOException"/>: the failure is outside the program, and retrying later may succeed.
/// </summary>
public sealed class DocumentStoreUnavailableException : IOException
{
    /// <summary>A store failure with its one-line message and the driver's error.</summary>
    public DocumentStoreUnavailableException(string message, Exception? inner = null) : base(message, inner) { }
}
