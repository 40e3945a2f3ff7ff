namespace DeepForge.Configuration;

/// <summary>A setting of <c>deepforge config</c>: its dotted key, environment override and default.</summary>
/// <remarks>A path setting must name a folder by an absolute path: a relative one would mean another folder from every working folder.</remarks>
public sealed record ConfigKey(string Key, string? EnvironmentVariable, Func<string, object> Default, bool IsBoolean = false, bool IsPath = false);
