namespace DeepForge.Catalog;

/// <summary>An input or output of an operation: its name, data type (full type name, and the short name shown), and whether it may be left unconnected.</summary>
public sealed record PortDescriptor(string Name, string DataType, string DisplayType, bool Optional = false);
