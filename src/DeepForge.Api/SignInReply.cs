namespace DeepForge.Api;

/// <summary>A new personal access token (shown this once) and whom it signs in.</summary>
public sealed record SignInReply(string Token, string Id, string Name, string Role, DateTimeOffset? ExpiresAt);
