namespace DeepForge.Blobs;

/// <summary>Blobs a part of the process holds without a document naming them (the server's published extensions): the collector keeps them.</summary>
public interface IBlobRoots
{
    /// <summary>The hashes held now.</summary>
    IEnumerable<string> Hashes { get; }
}
