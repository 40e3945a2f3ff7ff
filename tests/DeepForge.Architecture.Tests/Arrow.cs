namespace DeepForge.Architecture.Tests;

/// <summary>One project depending on another (a reference) or opening its internals to another.</summary>
internal sealed record Arrow(string From, string To)
{
    public override string ToString() => $"{From} -> {To}";
}
