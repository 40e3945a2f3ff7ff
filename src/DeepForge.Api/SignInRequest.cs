namespace DeepForge.Api;

/// <summary>A program's sign-in with a name and password, answered with a new personal access token.</summary>
public sealed record SignInRequest(string Name, string Password, string? Description = null, int? ExpiresInDays = null);
