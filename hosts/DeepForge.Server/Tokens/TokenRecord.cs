namespace DeepForge.Server.Tokens;

/// <summary>A worker token as stored: only its sha256, never the token itself.</summary>
internal sealed record TokenRecord(string Hash, string? Description, DateTimeOffset CreatedAt);
