namespace DeepForge.Api;

/// <summary>
/// Entries of a log or feedback stream after a sequence number. <see cref="Last"/> is the sequence to pass
/// as <c>after</c> next time, which is how a live view tails a running node.
/// </summary>
public sealed record StreamPage<T>(IReadOnlyList<T> Entries, long Last);
