namespace DeepForge.Catalog;

/// <summary>A reference an operation takes before it runs, for example an architecture.</summary>
public sealed record ReferenceDescriptor(string Name, string Kind);
