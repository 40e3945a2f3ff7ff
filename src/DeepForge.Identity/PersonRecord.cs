namespace DeepForge.Identity;

/// <summary>A person's account as stored: the password only as ASP.NET Core Identity's hash.</summary>
public sealed record PersonRecord(string Name, PersonRole Role, string? PasswordHash, DateTimeOffset CreatedAt);
