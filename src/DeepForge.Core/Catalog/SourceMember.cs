namespace DeepForge.Catalog;

/// <summary>
/// Where one part of an operation's interface is written: an <c>input</c> (a parameter of Execute),
/// an <c>output</c>, an <c>attribute</c> or a <c>reference</c> (constructor parameters).
/// Line and column count from 1.
/// </summary>
public sealed record SourceMember(string Kind, string Name, string Path, int Line, int Column);
