namespace DeepForge.Models;

/// <summary>Who last changed something in a project (a person's name, or the local user's for commands without a server) and when.</summary>
public sealed record EditStamp(string By, DateTimeOffset At);
