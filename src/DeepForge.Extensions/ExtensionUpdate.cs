namespace DeepForge.Extensions;

/// <summary>What an update did to one extension: updated (<see cref="To"/> set), already the newest (neither set), or failed (<see cref="Error"/>).</summary>
/// <param name="Id">The extension's package id.</param>
/// <param name="From">The version installed before.</param>
/// <param name="To">The version installed now, or null when it did not change.</param>
/// <param name="Error">Why it was not updated, or null.</param>
public sealed record ExtensionUpdate(string Id, string From, string? To, string? Error);
