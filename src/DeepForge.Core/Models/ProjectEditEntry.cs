namespace DeepForge.Models;

/// <summary>
/// One line of a project's edit history: who, when, which object (<c>pipeline train</c>, <c>source ops/Train.cs</c>,
/// or <c>project</c>) and what (<c>changed pipeline train</c>).
/// </summary>
public sealed record ProjectEditEntry(string By, DateTimeOffset At, string Object, string Summary);
