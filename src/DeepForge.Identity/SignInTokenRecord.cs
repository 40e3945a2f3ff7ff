namespace DeepForge.Identity;

/// <summary>A one-time sign-in token as stored (by its sha256): deleted when it is used.</summary>
internal sealed record SignInTokenRecord(string Hash, string Person, DateTimeOffset ExpiresAt);
