namespace DeepForge.Cli.Remote;

/// <summary>A new personal access token from POST /api/v1/auth/tokens.</summary>
internal sealed record RemoteToken(string Token, string Id, string Name, string Role, DateTimeOffset? ExpiresAt);
