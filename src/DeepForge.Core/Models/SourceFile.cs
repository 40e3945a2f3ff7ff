namespace DeepForge.Models;

/// <summary>C# source stored in a project: operations, custom layers and data types.</summary>
public sealed record SourceFile(string Path, string Text);
