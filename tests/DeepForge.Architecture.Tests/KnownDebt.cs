namespace DeepForge.Architecture.Tests;

/// <summary>
/// Arrows that still go the wrong way, each to be removed by issue 13 ("one-way rooms"). The rules fail on any wrong
/// arrow not listed here, so nothing new goes the wrong way; and they fail when a listed arrow is gone, so the list
/// only shrinks, and is empty when the rooms are one-way.
/// </summary>
internal static class KnownDebt
{
    /// <summary>Internals granted to an assembly that is not a test (item 3: hosts on public APIs).</summary>
    public static readonly IReadOnlySet<string> Internals = new HashSet<string>
    {
    };

    /// <summary>A host referencing another host, the command aside (item 3: the designer on public services, not the server).</summary>
    public static readonly IReadOnlySet<string> HostToHost = new HashSet<string>
    {
    };

    /// <summary>Packages of Core beyond the BCL and Microsoft.Extensions (the compiler and plugin loading, to move to rooms of their own).</summary>
    public static readonly IReadOnlySet<string> CorePackages = new HashSet<string>
    {
    };
}
