namespace DeepForge.Configuration;

/// <summary>A setting of <c>deepforge config</c>: its dotted key, environment override and default.</summary>
internal sealed record ConfigKey(string Key, string? EnvironmentVariable, Func<string, object> Default, bool IsBoolean = false);
