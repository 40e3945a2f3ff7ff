namespace DeepForge.Blobs;

/// <summary>What one collection freed, and what it kept because they were referred to or younger than the grace period.</summary>
public sealed record BlobCollection(IReadOnlyList<BlobInfo> Freed, int Referenced, int Young)
{
    /// <summary>The bytes freed.</summary>
    public long FreedBytes => Freed.Sum(b => b.Size);
}
