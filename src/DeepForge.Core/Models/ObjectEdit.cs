namespace DeepForge.Models;

/// <summary>
/// Who last changed one object of a project and when. <paramref name="Kind"/> is <c>pipeline</c>, <c>architecture</c>
/// or <c>source</c> (a C# file: its operations, custom layers and data types); <paramref name="Name"/> is the
/// pipeline's or architecture's name or the source's path.
/// </summary>
public sealed record ObjectEdit(string Kind, string Name, string By, DateTimeOffset At);
