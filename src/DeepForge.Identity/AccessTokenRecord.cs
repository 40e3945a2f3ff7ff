namespace DeepForge.Identity;

/// <summary>A personal access token as stored: its sha256 (the document's id), never the token itself.</summary>
public sealed record AccessTokenRecord(string Id, string Hash, string Person, string? Description, DateTimeOffset CreatedAt, DateTimeOffset? ExpiresAt, DateTimeOffset? RevokedAt)
{
    /// <summary>Whether the token may be used at <paramref name="now"/>: not revoked and not expired.</summary>
    public bool IsValidAt(DateTimeOffset now) => RevokedAt == null && (ExpiresAt == null || ExpiresAt > now);
}
